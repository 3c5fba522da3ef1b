package dev.migrate.sample.report;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * Reports.
 */
public interface ReportRepository extends JpaRepository<Report, Long> {

	@Query("select r from Report r join fetch r.user order by r.id")
	List<Report> findAllWithUser();

}
