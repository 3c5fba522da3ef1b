package dev.migrate.benchmarks.jpa;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The typical application's Spring Data repositories, one per entity, each with a derived
 * query that is parsed at start-up.
 */
public final class Repositories {

	private Repositories() {
	}

	public interface CustomerRepository extends JpaRepository<Entities.Customer, Long> {

		List<Entities.Customer> findByName(String name);

	}

	public interface AddressRepository extends JpaRepository<Entities.Address, Long> {

		List<Entities.Address> findByName(String name);

	}

	public interface AccountRepository extends JpaRepository<Entities.Account, Long> {

		List<Entities.Account> findByName(String name);

	}

	public interface InvoiceRepository extends JpaRepository<Entities.Invoice, Long> {

		List<Entities.Invoice> findByName(String name);

	}

	public interface InvoiceLineRepository extends JpaRepository<Entities.InvoiceLine, Long> {

		List<Entities.InvoiceLine> findByName(String name);

	}

	public interface ProductRepository extends JpaRepository<Entities.Product, Long> {

		List<Entities.Product> findByName(String name);

	}

	public interface CategoryRepository extends JpaRepository<Entities.Category, Long> {

		List<Entities.Category> findByName(String name);

	}

	public interface SupplierRepository extends JpaRepository<Entities.Supplier, Long> {

		List<Entities.Supplier> findByName(String name);

	}

	public interface WarehouseRepository extends JpaRepository<Entities.Warehouse, Long> {

		List<Entities.Warehouse> findByName(String name);

	}

	public interface StockRepository extends JpaRepository<Entities.Stock, Long> {

		List<Entities.Stock> findByName(String name);

	}

	public interface ShipmentRepository extends JpaRepository<Entities.Shipment, Long> {

		List<Entities.Shipment> findByName(String name);

	}

	public interface CarrierRepository extends JpaRepository<Entities.Carrier, Long> {

		List<Entities.Carrier> findByName(String name);

	}

	public interface PaymentRepository extends JpaRepository<Entities.Payment, Long> {

		List<Entities.Payment> findByName(String name);

	}

	public interface RefundRepository extends JpaRepository<Entities.Refund, Long> {

		List<Entities.Refund> findByName(String name);

	}

	public interface DiscountRepository extends JpaRepository<Entities.Discount, Long> {

		List<Entities.Discount> findByName(String name);

	}

	public interface ReviewRepository extends JpaRepository<Entities.Review, Long> {

		List<Entities.Review> findByName(String name);

	}

	public interface EmployeeRepository extends JpaRepository<Entities.Employee, Long> {

		List<Entities.Employee> findByName(String name);

	}

	public interface DepartmentRepository extends JpaRepository<Entities.Department, Long> {

		List<Entities.Department> findByName(String name);

	}

	public interface AuditEntryRepository extends JpaRepository<Entities.AuditEntry, Long> {

		List<Entities.AuditEntry> findByName(String name);

	}

	public interface SettingRepository extends JpaRepository<Entities.Setting, Long> {

		List<Entities.Setting> findByName(String name);

	}

}
