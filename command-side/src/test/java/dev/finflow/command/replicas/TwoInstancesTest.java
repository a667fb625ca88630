package dev.finflow.command.replicas;

import com.fasterxml.jackson.databind.JsonNode;
import dev.finflow.command.CommandSideTest;
import dev.finflow.command.StoredEvents;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.HashSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two command sides on one database, eight writers through HTTP spread over both, on a few accounts so that
 * they collide all the time: deposits, withdrawals that must not overdraw, repeats of acknowledged transactions
 * to the other instance, and the same new transaction sent to both at the same moment. Then the store is
 * checked on its own terms: every acknowledged transaction is stored exactly once at the answered position,
 * nothing refused or unacknowledged is stored, no balance ever went below zero (no decision on stale state), and
 * both instances answer from the balance folded from the store.
 */
@CommandSideTest
class TwoInstancesTest {

    private static final Logger log = LoggerFactory.getLogger(TwoInstancesTest.class);
    private static final int WRITERS = 8;
    private static final List<String> ACCOUNTS = List.of("r-1", "r-2", "r-3", "r-4", "r-5", "r-6");
    private static final Duration LOAD = Duration.ofSeconds(Long.getLong("finflow.replicas.seconds", 20));

    @LocalServerPort
    int port;
    @Autowired
    Environment environment;
    @Autowired
    StoredEvents store;

    @Test
    void eightWritersOnTwoInstancesLoseNothingDoubleNothingAndNeverOverdraw() throws Exception {
        try (ConfigurableApplicationContext second = SecondInstance.start(environment)) {
            List<Ledger> instances = List.of(new Ledger(port), new Ledger(SecondInstance.port(second)));
            for (String account : ACCOUNTS) {
                assertThat(instances.get(ACCOUNTS.indexOf(account) % 2).open(account)).isEqualTo(201);
            }

            ConcurrentLinkedQueue<Ledger.Answer> answers = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<List<Integer>> twins = new ConcurrentLinkedQueue<>();
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            long deadline = System.nanoTime() + LOAD.toNanos();
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                running.add(writers.submit(() -> write(writer, instances, deadline, answers, twins)));
            }
            for (Future<?> future : running) {
                future.get();
            }
            writers.shutdown();

            log.info("answers by status: {}; twins: {}", answers.stream().collect(Collectors.groupingBy(
                    Ledger.Answer::status, Collectors.counting())), twins.size());
            assertThat(answers).extracting(Ledger.Answer::status).as("only the statuses of the API's rules")
                    .allMatch(status -> status == 200 || status == 201 || status == 202 || status == 409
                            || status == 422);
            assertThat(answers).filteredOn(answer -> answer.status() == 409).extracting(Ledger.Answer::rule)
                    .allMatch("concurrent-modification"::equals);
            assertThat(twins).as("the same transaction sent to both at once: one stored, one already recorded")
                    .hasSizeGreaterThan(10).allMatch(pair -> pair.equals(List.of(200, 201)));
            checkTheStore(answers);
            for (String account : ACCOUNTS) {
                bothInstancesAnswerFromTheStoredBalance(account, instances);
            }
        }
    }

    private static void write(int writer, List<Ledger> instances, long deadline,
                              ConcurrentLinkedQueue<Ledger.Answer> answers,
                              ConcurrentLinkedQueue<List<Integer>> twins) {
        Random random = new Random(writer);
        List<Ledger.Answer> recorded = new ArrayList<>();
        for (int i = 0; System.nanoTime() < deadline; i++) {
            String account = ACCOUNTS.get(random.nextInt(ACCOUNTS.size()));
            String txId = "w" + writer + "-" + i;
            Ledger to = instances.get(random.nextInt(2));
            int dice = random.nextInt(20);
            if (dice < 9) {
                recorded(recorded, answers, to.send(account, txId, "DEPOSIT", cents(random, 100, 5000)));
            } else if (dice < 14) {
                recorded(recorded, answers, to.send(account, txId, "WITHDRAWAL", cents(random, 100, 9000)));
            } else if (dice < 16 && !recorded.isEmpty()) {
                Ledger.Answer earlier = recorded.get(random.nextInt(recorded.size()));
                Ledger other = instances.get(1 - instances.indexOf(earlier.instance()));
                Ledger.Answer again = other.send(earlier.account(), earlier.txId(), earlier.type(), earlier.amount());
                assertThat(again.status()).as("a repeat of %s at the other instance", earlier.txId()).isEqualTo(200);
                assertThat(again.position()).isEqualTo(earlier.position());
                answers.add(again);
            } else if (dice < 18) {
                List<Ledger.Answer> pair = Ledger.sendToBoth(instances, account, txId, "DEPOSIT",
                        cents(random, 100, 5000));
                answers.addAll(pair);
                twins.add(pair.stream().map(Ledger.Answer::status).sorted().toList());
                pair.stream().filter(answer -> answer.status() == 201).forEach(recorded::add);
            } else if (dice == 18) {
                String receiver = ACCOUNTS.get((ACCOUNTS.indexOf(account) + 1 + random.nextInt(ACCOUNTS.size() - 1))
                        % ACCOUNTS.size());
                answers.add(to.transfer(account, receiver, txId, cents(random, 100, 3000)));
            } else {
                twins.add(Ledger.openAtBoth(instances, "o-" + txId).stream().sorted().toList());
            }
        }
    }

    private static void recorded(List<Ledger.Answer> recorded, ConcurrentLinkedQueue<Ledger.Answer> answers,
                                 Ledger.Answer answer) {
        answers.add(answer);
        if (answer.status() == 201) {
            recorded.add(answer);
        }
    }

    private void checkTheStore(ConcurrentLinkedQueue<Ledger.Answer> answers) {
        Map<String, Long> acknowledged = new HashMap<>();
        Set<String> expected = new HashSet<>();
        for (Ledger.Answer answer : answers) {
            if (answer.status() == 200 || answer.status() == 201 || answer.status() == 202) {
                Long before = acknowledged.put(answer.account() + "/" + answer.txId(), answer.position());
                assertThat(before == null || before == answer.position()).as("one position for %s", answer.txId())
                        .isTrue();
                expected.add(answer.account() + "/" + answer.txId());
                if (answer.type().equals("TRANSFER")) {
                    // At the receiver a transfer's id is scoped to its sender (transferId@sender).
                    expected.add(answer.receiver() + "/" + answer.txId() + "@" + answer.account());
                }
            }
        }
        // The transfer process credits the receivers a moment later, on whichever instance holds its segment.
        List<StoredEvents.Row> rows = store.awaitAll(all -> transactions(all).size() >= expected.size());
        Map<String, List<StoredEvents.Row>> byTransaction = transactions(rows);
        assertThat(byTransaction.values()).as("no transaction stored twice in an account")
                .allMatch(list -> list.size() == 1);
        assertThat(byTransaction.keySet()).as("every stored transaction was acknowledged (or is the credit of an "
                + "acknowledged transfer), and every acknowledged one is stored").isEqualTo(expected);
        acknowledged.forEach((key, position) -> assertThat(byTransaction.get(key).get(0).position())
                .as("the answered position of %s", key).isEqualTo(position));

        for (String account : ACCOUNTS) {
            List<StoredEvents.Row> events = rows.stream().filter(row -> row.aggregateId().equals(account)).toList();
            BigDecimal balance = BigDecimal.ZERO;
            for (int sequence = 0; sequence < events.size(); sequence++) {
                assertThat(events.get(sequence).sequenceNumber()).as("gapless %s", account).isEqualTo(sequence);
                balance = balance.add(cash(events.get(sequence)));
                assertThat(balance.signum()).as("%s never overdrawn (event %d)", account, sequence)
                        .isGreaterThanOrEqualTo(0);
            }
        }
    }

    /** The stored transaction events by account and transaction id. */
    private static Map<String, List<StoredEvents.Row>> transactions(List<StoredEvents.Row> rows) {
        return rows.stream().filter(row -> row.payload().has("transactionId"))
                .collect(Collectors.groupingBy(row -> row.aggregateId() + "/" + text(row.payload().get("transactionId"))));
    }

    /**
     * The folded balance is exactly what both instances decide with: more than it is refused by one, all of it
     * is accepted by the other, and then one cent is refused by the first, whose cached account is now behind.
     */
    private void bothInstancesAnswerFromTheStoredBalance(String account, List<Ledger> instances) {
        BigDecimal balance = store.all().stream().filter(row -> row.aggregateId().equals(account))
                .map(TwoInstancesTest::cash).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(instances.get(0).send(account, account + "-over", "WITHDRAWAL", balance.add(new BigDecimal("0.01")))
                .status()).isEqualTo(422);
        if (balance.signum() > 0) {
            assertThat(instances.get(1).send(account, account + "-all", "WITHDRAWAL", balance).status())
                    .isEqualTo(201);
        }
        assertThat(instances.get(0).send(account, account + "-cent", "WITHDRAWAL", new BigDecimal("0.01"))
                .status()).isEqualTo(422);
    }

    private static BigDecimal cash(StoredEvents.Row row) {
        BigDecimal cash = BigDecimal.ZERO;
        for (JsonNode leg : row.payload().path("legs")) {
            if (leg.get("type").asText().equals("CASH")) {
                cash = cash.add(leg.get("quantity").decimalValue());
            }
        }
        return cash;
    }

    private static String text(JsonNode id) {
        return id.isTextual() ? id.asText() : id.path("value").asText();
    }

    private static BigDecimal cents(Random random, int from, int to) {
        return BigDecimal.valueOf(from + random.nextInt(to - from), 2);
    }
}
