package dev.finflow.events.privacy;

import dev.finflow.events.ledger.CashDepositedEvent;
import dev.finflow.events.serialization.EventJson;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Sealing keeps the events' shape (a string field holds the sealed form), so an event stored before sealing loads
 * unchanged and its text is told apart as plaintext; a sealed one names the person whose key sealed it.
 */
class SealedTextTest {

    @Test
    void anEventStoredBeforeSealingLoadsWithItsPlaintextMemo() throws IOException {
        CashDepositedEvent event = fixture("CashDepositedEvent-before-sealing.json");

        assertThat(event.memo()).isEqualTo("salary");
        assertThat(SealedText.parse(event.memo())).isEmpty();
    }

    @Test
    void aSealedMemoNamesItsPersonAndKeepsItsCiphertext() throws IOException {
        CashDepositedEvent event = fixture("CashDepositedEvent-sealed.json");

        SealedText sealed = SealedText.parse(event.memo()).orElseThrow();
        assertThat(sealed.keyId()).isEqualTo("6f0c-user");
        assertThat(sealed.ciphertext()).isEqualTo("q2Xv8N0aPz1Yk3mLw7Rt5sUe9Bc4Hg6J");
        assertThat(sealed.token()).isEqualTo(event.memo());
    }

    @Test
    void aPersonIdWithColonsStillParsesAndAnIncompleteTokenIsNotSealed() {
        assertThat(SealedText.parse("sealed:v1:client:id:abc").orElseThrow().keyId()).isEqualTo("client:id");
        assertThat(SealedText.parse("sealed:v1:abc")).isEmpty();
        assertThat(SealedText.parse(null)).isEmpty();
        assertThatThrownBy(() -> new SealedText("", "abc")).isInstanceOf(IllegalArgumentException.class);
    }

    private CashDepositedEvent fixture(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/privacy/" + name)) {
            return EventJson.objectMapper().readValue(in, CashDepositedEvent.class);
        }
    }
}
