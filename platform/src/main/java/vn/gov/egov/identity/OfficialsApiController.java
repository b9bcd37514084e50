package vn.gov.egov.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Officials' accounts and positions for the province administrator and agency administrators, each in their scope. */
@RestController
@RequestMapping("/api/v1/identity/officials")
@Tag(name = "Cán bộ", description = "Tài khoản và chức vụ của cán bộ, theo phạm vi quản trị (quản trị tỉnh, quản trị cơ quan)")
class OfficialsApiController {

    private final ManagingOfficials managing;

    OfficialsApiController(ManagingOfficials managing) {
        this.managing = managing;
    }

    @GetMapping
    @Operation(summary = "Officials the caller may manage, optionally of one agency (with its units) and matching words")
    List<ManagingOfficials.Official> list(@Parameter(description = "Agency code (catalog 'agencies')") @RequestParam(required = false) String agency,
                                          @Parameter(description = "Words of the name or user name, diacritics optional") @RequestParam(required = false) String q,
                                          Authentication caller) {
        return managing.list(caller.getName(), q, agency);
    }

    @GetMapping("/{username}")
    @Operation(summary = "One official with their positions (404 also when outside the caller's scope)")
    ManagingOfficials.Official get(@PathVariable String username, Authentication caller) {
        return managing.get(caller.getName(), username);
    }

    @PostMapping
    @Operation(summary = "Create an official's account; without a password one is generated, returned once, and must be changed at the first login")
    ResponseEntity<ManagingOfficials.Created> create(@RequestBody ManagingOfficials.NewOfficial request, Authentication caller) {
        return ResponseEntity.status(HttpStatus.CREATED).body(managing.create(caller.getName(), request));
    }

    @PostMapping("/{username}/positions")
    @Operation(summary = "Grant a position: a role in an agency, optionally in one of its units")
    ResponseEntity<ManagingOfficials.PositionView> grant(@PathVariable String username,
                                                         @RequestBody ManagingOfficials.PositionRequest request, Authentication caller) {
        return ResponseEntity.status(HttpStatus.CREATED).body(managing.grant(caller.getName(), username, request));
    }

    /** The new title of a position ({@code null} or blank: none). */
    record TitleRequest(String title) {
    }

    @PutMapping("/{username}/positions/{id}/title")
    @Operation(summary = "Change a position's title (chức danh), printed under the signature of the results signed from now on")
    ManagingOfficials.PositionView retitle(@PathVariable String username, @PathVariable long id, @RequestBody TitleRequest request,
                                           Authentication caller) {
        return managing.retitle(caller.getName(), username, id, request == null ? null : request.title());
    }

    @DeleteMapping("/{username}/positions/{id}")
    @Operation(summary = "Revoke a position; the official's sessions and tokens end")
    ResponseEntity<Void> revoke(@PathVariable String username, @PathVariable long id, Authentication caller) {
        managing.revoke(caller.getName(), username, id);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/{username}/contact")
    @Operation(summary = "Set the official's e-mail address and mobile number (for SMS alerts); empty removes one")
    ManagingOfficials.Official contact(@PathVariable String username, @RequestBody ManagingOfficials.Contact contact,
                                       Authentication caller) {
        return managing.contact(caller.getName(), username, contact);
    }

    @PostMapping("/{username}/disable")
    @Operation(summary = "Disable the account; its sessions and tokens end")
    ManagingOfficials.Official disable(@PathVariable String username, Authentication caller) {
        return managing.disable(caller.getName(), username);
    }

    @PostMapping("/{username}/enable")
    @Operation(summary = "Enable a disabled account again")
    ManagingOfficials.Official enable(@PathVariable String username, Authentication caller) {
        return managing.enable(caller.getName(), username);
    }

    @PostMapping("/{username}/reset-second-factor")
    @Operation(summary = "A new one-time-code secret, enrolled at the next login; sessions and tokens end")
    ManagingOfficials.Official resetSecondFactor(@PathVariable String username, Authentication caller) {
        return managing.resetSecondFactor(caller.getName(), username);
    }

    @PostMapping("/{username}/unlock")
    @Operation(summary = "Lift a lock-out after repeated failed logins")
    ManagingOfficials.Official unlock(@PathVariable String username, Authentication caller) {
        return managing.unlock(caller.getName(), username);
    }
}
