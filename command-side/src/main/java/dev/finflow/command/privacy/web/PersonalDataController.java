package dev.finflow.command.privacy.web;

import dev.finflow.command.api.Fields;
import dev.finflow.command.api.RequestMetadata;
import dev.finflow.command.privacy.process.Erasure;
import dev.finflow.command.privacy.process.PersonalDataExport;
import dev.finflow.command.problems.CommandRule;
import dev.finflow.events.MetadataKeys;
import dev.finflow.events.identity.Role;
import dev.finflow.problems.RuleViolation;
import dev.finflow.problems.openapi.Raises;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.Arrays;
import java.util.Set;

/**
 * A person's data: its export (the person themselves, or an admin) and its erasure (an admin). The person id is
 * the subject of their tokens, the principal on their events.
 */
@RestController
@RequestMapping("/api/v1/persons/{personId}")
@Tag(name = "Personal data", description = "Export and erase what is stored about a person (crypto-shredding)")
class PersonalDataController {

    /** {@code status} is ERASED, or ALREADY_ERASED when no key was left to delete (the erasure is recorded again). */
    record ErasureAnswer(String personId, long position, String status) {
    }

    private final Erasure erasure;
    private final PersonalDataExport export;

    PersonalDataController(Erasure erasure, PersonalDataExport export) {
        this.erasure = erasure;
        this.export = export;
    }

    @Operation(summary = "Erase a person's personal data", description = "Admin only. Deletes the person's key, "
            + "so every name, memo and reason they wrote reads [erased] everywhere, and records the erasure as an "
            + "event without personal data; the auth server then erases their username and password, so they can "
            + "no longer sign in. Balances, lineage and the audit structure stay.")
    @ApiResponse(responseCode = "200", description = "Erased (ERASED), or no key was left (ALREADY_ERASED)")
    @Raises({"invalid-field"})
    @PostMapping("/erasure")
    Mono<ErasureAnswer> erase(@PathVariable String personId, RequestMetadata metadata) {
        return Mono.fromCallable(() -> {
            // The caller's roles decide commands; they are not copied onto events.
            Erasure.Erased erased = erasure.erase(Fields.userId(personId, "personId"),
                    metadata.toMetaData().withoutKeys(Set.of(MetadataKeys.CALLER_ROLES)));
            return new ErasureAnswer(erased.personId(), erased.position(),
                    erased.keyDeleted() ? "ERASED" : "ALREADY_ERASED");
        }).subscribeOn(Schedulers.boundedElastic());
    }

    @Operation(summary = "Export a person's personal data", description = "Everything stored about the person, "
            + "decrypted: each value with its event and field, and their sign-in profile at the auth server. "
            + "The person themselves or an admin.")
    @ApiResponse(responseCode = "200", description = "The person's values, oldest first")
    @Raises({"invalid-field", "other-persons-data"})
    @GetMapping("/export")
    Mono<PersonalDataExport.Export> export(@PathVariable String personId, RequestMetadata metadata) {
        return Mono.fromCallable(() -> {
            String person = Fields.userId(personId, "personId");
            if (!person.equals(metadata.principal()) && !isAdmin(metadata)) {
                throw new RuleViolation(CommandRule.OTHER_PERSONS_DATA, "you may export your own data ("
                        + metadata.principal() + ") only", "personId");
            }
            return export.of(person);
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private static boolean isAdmin(RequestMetadata metadata) {
        return metadata.roles() != null
                && Arrays.asList(metadata.roles().split(",")).contains(Role.ADMIN.claimValue());
    }
}
