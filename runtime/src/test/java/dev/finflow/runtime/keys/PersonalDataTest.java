package dev.finflow.runtime.keys;

import dev.finflow.events.privacy.SealedText;
import dev.finflow.runtime.store.SchemaMigrations;
import dev.finflow.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Personal text is sealed per person, stored only wrapped, and unreadable once its person's key is deleted. */
class PersonalDataTest {

    @Test
    void sealsPerPersonOpensForReadersAndReadsAsErasedOnceTheKeyIsDeleted() {
        try (TestDatabase database = TestDatabase.create()) {
            PGSimpleDataSource dataSource = dataSource(database);
            SchemaMigrations.migrateEvents(dataSource);
            PersonKeys keys = new PersonKeys(dataSource, new KeyProperties(KeyProperties.DEVELOPMENT_MASTER_KEY));
            PersonalData data = new PersonalData(keys);

            String alice = data.sealer("alice").seal("Holiday fund");
            String bob = data.sealer("bob").seal("Holiday fund");

            assertThat(alice).startsWith("sealed:v1:alice:").doesNotContain("Holiday");
            assertThat(data.sealer("alice").seal("Holiday fund")).as("deterministic, for repeated commands")
                    .isEqualTo(alice);
            assertThat(bob).isNotEqualTo(alice);
            assertThat(data.reader().open(alice)).isEqualTo("Holiday fund");
            assertThat(data.reader().open("typed before sealing")).isEqualTo("typed before sealing");
            assertThat(data.reader().open(null)).isNull();
            List<byte[]> stored = new JdbcTemplate(dataSource).queryForList(
                    "select wrapped_key from keys.person_key order by person_id", byte[].class);
            assertThat(stored).hasSize(2).allSatisfy(wrapped -> assertThat(wrapped).hasSize(12 + 32 + 16));

            assertThat(keys.delete("alice")).isTrue();

            assertThat(data.reader().open(alice)).isEqualTo(SealedText.ERASED);
            assertThat(data.reader().open(bob)).isEqualTo("Holiday fund");
            assertThat(keys.delete("alice")).isFalse();
            data.sealer("alice").seal("new life");
            assertThat(data.reader().open(alice)).as("a new key does not open what the erased one sealed")
                    .isEqualTo(SealedText.ERASED);
        }
    }

    @Test
    void aKeyRestoredFromBeforeAnErasureIsErasedAgainAndAKeyMadeAfterItStays() {
        try (TestDatabase database = TestDatabase.create()) {
            PGSimpleDataSource dataSource = dataSource(database);
            SchemaMigrations.migrateEvents(dataSource);
            PersonKeys keys = new PersonKeys(dataSource, new KeyProperties(KeyProperties.DEVELOPMENT_MASTER_KEY));
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            keys.keyFor("restored");
            keys.keyFor("writes-again");
            keys.keyFor("never-erased");
            jdbc.update("update keys.person_key set created_at = '2026-01-01T00:00:00Z' where person_id = 'restored'");
            jdbc.update("update keys.person_key set created_at = '2026-03-01T00:00:00Z' "
                    + "where person_id = 'writes-again'");
            erased(jdbc, "restored", "2026-02-01T00:00:00.000Z");
            erased(jdbc, "writes-again", "2026-02-01T00:00:00.000Z");

            assertThat(keys.reapplyErasures()).isEqualTo(1);

            assertThat(keys.find("restored")).isEmpty();
            assertThat(keys.find("writes-again")).isPresent();
            assertThat(keys.find("never-erased")).isPresent();
            assertThat(keys.reapplyErasures()).isZero();
        }
    }

    private static void erased(JdbcTemplate jdbc, String person, String at) {
        jdbc.update("insert into events.domain_event_entry (aggregate_identifier, sequence_number, type, "
                + "event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp) values "
                + "(?, 0, 'person', ?, '{}', ?, '1', 'dev.finflow.events.privacy.PersonErasedEvent', ?)",
                "person/" + person, java.util.UUID.randomUUID().toString(), "{\"personId\":\"" + person + "\"}", at);
    }

    @Test
    void aRotatedMasterKeyOpensWhatTheOldOneSealedAndTheOldOneNoLongerUnwraps() {
        try (TestDatabase database = TestDatabase.create()) {
            PGSimpleDataSource dataSource = dataSource(database);
            SchemaMigrations.migrateEvents(dataSource);
            KeyProperties old = new KeyProperties(KeyProperties.DEVELOPMENT_MASTER_KEY);
            KeyProperties next = new KeyProperties("AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=");
            String sealed = new PersonalData(new PersonKeys(dataSource, old)).sealer("alice").seal("Holiday fund");
            new PersonalData(new PersonKeys(dataSource, old)).sealer("bob").seal("Rent");

            assertThat(new PersonKeys(dataSource, old).rewrap(next)).isEqualTo(2);

            assertThat(new PersonalData(new PersonKeys(dataSource, next)).reader().open(sealed))
                    .isEqualTo("Holiday fund");
            assertThatThrownBy(() -> new PersonKeys(dataSource, old).find("alice"))
                    .hasMessageContaining("FINFLOW_KEYS_MASTER_KEY");
        }
    }

    @Test
    void aKeyWrappedByAnotherMasterKeyIsRefusedNotMisread() {
        try (TestDatabase database = TestDatabase.create()) {
            PGSimpleDataSource dataSource = dataSource(database);
            SchemaMigrations.migrateEvents(dataSource);
            new PersonKeys(dataSource, new KeyProperties(KeyProperties.DEVELOPMENT_MASTER_KEY)).keyFor("alice");
            PersonKeys other = new PersonKeys(dataSource,
                    new KeyProperties("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="));

            assertThatThrownBy(() -> other.find("alice")).hasMessageContaining("FINFLOW_KEYS_MASTER_KEY");
            assertThatThrownBy(() -> new KeyProperties("c2hvcnQ=")).hasMessageContaining("32 bytes");
        }
    }

    private static PGSimpleDataSource dataSource(TestDatabase database) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(database.jdbcUrl());
        dataSource.setUser(database.username());
        dataSource.setPassword(database.password());
        return dataSource;
    }
}
