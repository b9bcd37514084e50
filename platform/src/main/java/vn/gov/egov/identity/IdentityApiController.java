package vn.gov.egov.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.gov.egov.audit.AuditActions;
import vn.gov.egov.audit.AuditRecord;
import vn.gov.egov.audit.AuditTrail;
import vn.gov.egov.audit.Outcome;

@RestController
@Tag(name = "Định danh", description = "Single sign-on: the caller, client applications, signing keys")
class IdentityApiController {

    private final RegisteringClients registering;
    private final SigningKeys keys;
    private final CitizenAccounts citizens;
    private final OfficialAccounts officials;
    private final AuditTrail audit;

    IdentityApiController(RegisteringClients registering, SigningKeys keys, CitizenAccounts citizens, OfficialAccounts officials,
                          AuditTrail audit) {
        this.registering = registering;
        this.keys = keys;
        this.citizens = citizens;
        this.officials = officials;
        this.audit = audit;
    }

    record Me(String subject, String kind, String name, List<String> roles, List<String> scopes, String clientId,
              List<Position> positions, CitizenView citizen) {
    }

    /** A citizen's identity as the API shows it: personal data masked. */
    record CitizenView(String personalId, String fullName, String birthDate, List<CitizenAccounts.Representation> businesses) {
    }

    @GetMapping("/api/v1/me")
    @Operation(summary = "Who is calling: the logged-in person (or the client application) with roles and scopes, and an official's positions")
    Me me(Authentication authentication) {
        List<String> authorities = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted().toList();
        List<String> roles = authorities.stream().filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).toList();
        List<String> scopes = authorities.stream().filter(a -> a.startsWith("SCOPE_")).map(a -> a.substring(6)).toList();
        if (authentication instanceof JwtAuthenticationToken token) {
            String clientId = token.getToken().getClaimAsString("client_id");
            Object audience = token.getToken().getClaims().get("aud");
            boolean machine = clientId == null ? token.getName().equals(String.valueOf(audience).replaceAll("[\\[\\]]", ""))
                    : token.getName().equals(clientId);
            if (roles.contains("CITIZEN")) {
                return citizen(token.getName(), roles, scopes, clientId);
            }
            return new Me(token.getName(), machine ? "client" : "person", token.getToken().getClaimAsString("name"),
                    roles, scopes, clientId, machine ? null : positionsOf(token.getName()), null);
        }
        return new Me(authentication.getName(), "person", authentication.getName(), roles, scopes, null,
                positionsOf(authentication.getName()), null);
    }

    /** An official's current positions (an empty list for a person who is not an official). */
    private List<Position> positionsOf(String subject) {
        return officials.byUsername(subject).filter(OfficialAccounts.Account::active)
                .map(account -> officials.positions(account.id())).orElse(List.of());
    }

    private Me citizen(String subject, List<String> roles, List<String> scopes, String clientId) {
        java.util.UUID id = java.util.UUID.fromString(subject);
        CitizenAccounts.Citizen citizen = citizens.byId(id).orElseThrow();
        return new Me(subject, "citizen", citizen.fullName(), roles, scopes, clientId, null,
                new CitizenView(citizen.personalId().masked(), citizen.fullName(),
                        citizen.birthDate() == null ? null : citizen.birthDate().toString(), citizens.representations(id)));
    }

    @PostMapping("/api/v1/identity/clients")
    @Operation(summary = "Register a client application or agency system (the secret is returned once)")
    ResponseEntity<RegisteringClients.RegisteredApplication> register(@RequestBody RegisteringClients.ClientRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(registering.register(request));
    }

    @GetMapping("/api/v1/identity/clients")
    @Operation(summary = "The registered client applications")
    List<RegisteringClients.RegisteredApplication> clients() {
        return registering.list();
    }

    @DeleteMapping("/api/v1/identity/clients/{clientId}")
    @Operation(summary = "Remove a client application; its tokens stop working")
    ResponseEntity<Void> remove(@PathVariable String clientId) {
        if (!registering.remove(clientId)) {
            throw new ErrorResponseException(HttpStatus.NOT_FOUND,
                    org.springframework.http.ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "Không có ứng dụng mã '%s'".formatted(clientId)), null);
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/identity/signing-keys")
    @Operation(summary = "The active token signing key and the keys still published")
    Map<String, Object> signingKeys() {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("active", keys.activeKeyId());
        result.put("published", keys.publishedKeyIds());
        return result;
    }

    @PostMapping("/api/v1/identity/signing-keys/rotate")
    @Operation(summary = "Rotate the token signing key; tokens signed with the previous key stay valid until they expire")
    Map<String, Object> rotate() {
        String kid = keys.rotate();
        audit.record(AuditRecord.builder(AuditActions.UPDATE, Outcome.SUCCESS).object("signing-key", kid)
                .detail("change", "rotated").fromCurrentRequest().build());
        return signingKeys();
    }
}
