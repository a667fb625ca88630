package dev.finflow.command.privacy.process;

import dev.finflow.runtime.keys.PersonKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At start-up, deletes again the key of every person erased in the event store (see
 * {@link PersonKeys#reapplyErasures()}): a key store restored from a backup older than an erasure must not bring
 * the erased data back.
 */
@Component
class ErasuresReapplied implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ErasuresReapplied.class);

    private final PersonKeys keys;

    ErasuresReapplied(PersonKeys keys) {
        this.keys = keys;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        int deleted = keys.reapplyErasures();
        if (deleted > 0) {
            log.warn("{} keys of erased persons were in the key store (restored from a backup?) and are deleted again",
                    deleted);
        }
    }
}
