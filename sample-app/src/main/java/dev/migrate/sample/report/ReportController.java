package dev.migrate.sample.report;

import java.util.List;

import dev.migrate.sample.user.User;
import dev.migrate.sample.user.UserRepository;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Create, approve and list used-car reports.
 */
@RestController
@RequestMapping("/reports")
class ReportController {

	private final ReportRepository reports;

	private final UserRepository users;

	ReportController(ReportRepository reports, UserRepository users) {
		this.reports = reports;
		this.users = users;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Transactional
	ReportView create(@RequestBody NewReport request) {
		if (request.make() == null || request.model() == null || request.userId() == null) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "make, model and userId are required");
		}
		User user = this.users.findById(request.userId())
			.orElseThrow(
					() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "no user with id " + request.userId()));
		Report report = new Report(user, request.price(), request.make(), request.model(), request.year(),
				request.lng(), request.lat(), request.mileage());
		return ReportView.of(this.reports.save(report), user);
	}

	@PostMapping("/{id}/approval")
	@Transactional
	ReportView approve(@PathVariable long id) {
		Report report = this.reports.findById(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no report with id " + id));
		report.approve();
		return ReportView.of(report, report.getUser());
	}

	@GetMapping
	@Transactional(readOnly = true)
	List<ReportView> list() {
		return this.reports.findAllWithUser()
			.stream()
			.map((report) -> ReportView.of(report, report.getUser()))
			.toList();
	}

	record NewReport(int price, @Nullable String make, @Nullable String model, int year, double lng, double lat,
			int mileage, @Nullable Long userId) {
	}

	record ReportView(@Nullable Long id, int price, String make, String model, int year, double lng, double lat,
			int mileage, boolean approved, @Nullable Long userId) {

		static ReportView of(Report report, @Nullable User user) {
			return new ReportView(report.getId(), report.getPrice(), report.getMake(), report.getModel(),
					report.getYear(), report.getLng(), report.getLat(), report.getMileage(), report.isApproved(),
					(user != null) ? user.getId() : null);
		}

	}

}
