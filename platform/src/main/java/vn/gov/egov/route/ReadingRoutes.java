package vn.gov.egov.route;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import vn.gov.egov.calendar.WorkingCalendar;

/** Routes and versions as the API and pages list them. */
@Service
class ReadingRoutes {

    private final RouteStore store;
    private final WorkingCalendar calendar;

    ReadingRoutes(RouteStore store, WorkingCalendar calendar) {
        this.store = store;
        this.calendar = calendar;
    }

    List<RouteViews.RouteView> routes() {
        return store.routes().stream().map(this::view).toList();
    }

    Optional<RouteViews.RouteView> route(UUID id) {
        return store.route(id).map(this::view);
    }

    Optional<RouteViews.VersionView> version(UUID id) {
        return store.version(id).flatMap(v -> store.route(v.routeId()).map(r -> RouteViews.VersionView.of(r, v, calendar.workingDayLength())));
    }

    Optional<RouteStore.Version> stored(UUID id) {
        return store.version(id);
    }

    Optional<RouteStore.Route> storedRoute(UUID id) {
        return store.route(id);
    }

    private RouteViews.RouteView view(RouteStore.Route route) {
        List<RouteViews.VersionView> versions = store.versions(route.id()).stream()
                .map(v -> RouteViews.VersionView.of(route, v, calendar.workingDayLength())).toList();
        Integer published = versions.stream().filter(v -> v.status().equals("PUBLISHED")).map(RouteViews.VersionView::version)
                .findFirst().orElse(null);
        return new RouteViews.RouteView(route.id(), route.procedureCode(), route.agencyCode(), route.name(), route.demonstration(),
                route.createdBy(), route.createdAt(), published, versions);
    }
}
