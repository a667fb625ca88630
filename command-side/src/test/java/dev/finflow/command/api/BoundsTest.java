package dev.finflow.command.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.finflow.command.CommandSideTest;
import dev.finflow.command.StoredEvents;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The absurd values of issue 11, each refused at the door by its named rule with nothing stored; and the
 * well-formed neighbours of each still accepted (decimal strings parsed exactly, line breaks in a memo).
 */
@CommandSideTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BoundsTest {

    private static final String TX = "/api/v1/accounts/bd-1/transactions";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    WebTestClient http;
    @Autowired
    StoredEvents store;

    @BeforeAll
    void account() {
        assertThat(post("/api/v1/accounts", "{'accountId':'bd-1','name':'B','currency':'EUR','openedOn':'2024-01-02'}"))
                .isEqualTo(201);
        assertThat(post(TX, "{'transactionId':'d1','type':'DEPOSIT','amount':'1000.00','currency':'EUR',"
                + "'date':'2024-01-03'}")).isEqualTo(201);
        assertThat(post(TX, "{'transactionId':'b1','type':'BUY','symbol':'ACME','quantity':'10','price':'1.50',"
                + "'currency':'EUR','date':'2024-01-04'}")).isEqualTo(201);
        assertThat(post("/api/v1/instruments", "{'symbol':'ACME','name':'Acme','type':'EQUITY','currency':'EUR',"
                + "'exchange':'XETRA'}")).isEqualTo(201);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            an amount of 1e400                | amount-out-of-bounds     | /api/v1/accounts/bd-1/transactions | {'transactionId':'x','type':'DEPOSIT','amount':1e400,'currency':'EUR'}
            a quantity of 1e400               | amount-out-of-bounds     | /api/v1/accounts/bd-1/transactions | {'transactionId':'x','type':'BUY','symbol':'ACME','quantity':1e400,'price':1,'currency':'EUR'}
            a dividend of 1e400               | amount-out-of-bounds     | /api/v1/accounts/bd-1/transactions | {'transactionId':'x','type':'DIVIDEND','symbol':'ACME','amount':'1e400','currency':'EUR'}
            an overdraft limit of 1e400       | amount-out-of-bounds     | /api/v1/accounts                   | {'accountId':'bd-2','name':'B','currency':'EUR','overdraftLimit':1e400}
            an amount one above 10^15         | amount-out-of-bounds     | /api/v1/accounts/bd-1/transactions | {'transactionId':'x','type':'DEPOSIT','amount':'1000000000000000.01','currency':'EUR'}
            an fxRate of 1e9                  | fx-rate-out-of-bounds    | /api/v1/accounts/bd-1/transactions | {'transactionId':'x','type':'DEPOSIT','amount':100,'currency':'USD','fxRate':1e9}
            an fxRate below 1e-6              | fx-rate-out-of-bounds    | /api/v1/transfers                  | {'transferId':'x','fromAccountId':'bd-1','toAccountId':'bd-9','amount':1,'currency':'EUR','fxRate':0.0000001}
            a booking date of +99999-01-01    | date-out-of-bounds       | /api/v1/accounts/bd-1/transactions | {'transactionId':'x','type':'DEPOSIT','amount':1,'currency':'EUR','date':'+99999-01-01'}
            a booking date of 0001-01-01      | date-out-of-bounds       | /api/v1/accounts/bd-1/transactions | {'transactionId':'x','type':'DEPOSIT','amount':1,'currency':'EUR','date':'0001-01-01'}
            an account opened in 1899         | date-out-of-bounds       | /api/v1/accounts                   | {'accountId':'bd-3','name':'B','currency':'EUR','openedOn':'1899-12-31'}
            a split of 1000000000 for 1       | split-ratio-out-of-bounds| /api/v1/instruments/ACME/splits    | {'effectiveDate':'2024-02-01','numerator':1000000000,'denominator':1}
            a split of 1 for 1001             | split-ratio-out-of-bounds| /api/v1/instruments/ACME/splits    | {'effectiveDate':'2024-02-01','numerator':1,'denominator':1001}
            a NUL byte in a memo              | control-character        | /api/v1/accounts/bd-1/transactions | {'transactionId':'x','type':'DEPOSIT','amount':1,'currency':'EUR','memo':'a\\u0000b'}
            a NUL byte in an account name     | control-character        | /api/v1/accounts                   | {'accountId':'bd-4','name':'a\\u0000b','currency':'EUR'}
            a tab in a reason                 | control-character        | /api/v1/accounts/bd-1/transactions/d1/reversal | {'transactionId':'r-x','reason':'a\\tb'}
            an accountId sent as a number     | malformed-request        | /api/v1/accounts                   | {'accountId':12345,'name':'B','currency':'EUR'}
            a type in lower case              | unknown-transaction-type | /api/v1/accounts/bd-1/transactions | {'transactionId':'x','type':'deposit','amount':1,'currency':'EUR'}
            a DEPOSIT carrying a symbol       | field-not-allowed        | /api/v1/accounts/bd-1/transactions | {'transactionId':'x','type':'DEPOSIT','amount':1,'currency':'EUR','symbol':'ACME','quantity':5}
            a BUY carrying an amount          | field-not-allowed        | /api/v1/accounts/bd-1/transactions | {'transactionId':'x','type':'BUY','symbol':'ACME','quantity':1,'price':1,'amount':1,'currency':'EUR'}
            an instrument symbol as a number  | malformed-request        | /api/v1/instruments                | {'symbol':123,'name':'N','type':'EQUITY','currency':'EUR'}
            an instrument name with a NUL     | control-character        | /api/v1/instruments                | {'symbol':'NUL1','name':'a\\u0000b','type':'EQUITY','currency':'EUR'}
            a split source as a number        | malformed-request        | /api/v1/instruments/ACME/splits    | {'effectiveDate':'2024-02-01','numerator':2,'denominator':1,'source':7}
            a dividend currency as a number   | malformed-request        | /api/v1/instruments/ACME/dividends | {'exDate':'2024-02-01','amount':1,'currency':978}
            a bar date as a number            | malformed-request        | /api/v1/instruments/ACME/bars      | {'bars':[{'date':20240102,'open':1,'high':1,'low':1,'close':1,'volume':1}]}
            an ingestion run from 0001-01-01  | date-out-of-bounds       | /api/v1/ingestion/runs             | {'symbols':['ACME'],'from':'0001-01-01','to':'2024-01-01'}
            an ingestion run to +99999-01-01  | date-out-of-bounds       | /api/v1/ingestion/runs             | {'symbols':['ACME'],'from':'2024-01-01','to':'+99999-01-01'}
            an ingestion symbol as a number   | malformed-request        | /api/v1/ingestion/runs             | {'symbols':[123],'from':'2024-01-01','to':'2024-01-31'}
            an ingestion runId as a number    | malformed-request        | /api/v1/ingestion/runs             | {'runId':5,'symbols':['ACME'],'from':'2024-01-01','to':'2024-01-31'}
            more decimals than EUR has        | too-many-decimals        | /api/v1/accounts/bd-1/transactions | {'transactionId':'x','type':'DEPOSIT','amount':'10.001','currency':'EUR'}
            """)
    void refusesAnAbsurdValueByItsRuleAndStoresNothing(String what, String rule, String uri, String body)
            throws Exception {
        long before = store.count();

        EntityExchangeResult<byte[]> answer = send(uri, body);

        assertThat(answer.getStatus().value()).as(what).isEqualTo(400);
        JsonNode problem = JSON.readTree(answer.getResponseBody());
        assertThat(problem.get("rule").asText()).as(what).isEqualTo(rule);
        assertThat(store.count()).as(what).isEqualTo(before);
    }

    @Test
    void acceptsExactDecimalStringsTheBoundItselfAndLineBreaksInAMemo() {
        assertThat(post(TX, "{'transactionId':'ok1','type':'DEPOSIT','amount':'1000000000000000.00',"
                + "'currency':'EUR','date':'2024-01-05','memo':'line one\\nline two'}")).isEqualTo(201);
        assertThat(post(TX, "{'transactionId':'ok2','type':'DEPOSIT','amount':'0.10','currency':'EUR',"
                + "'date':'2024-01-05'}")).isEqualTo(201);
    }

    private int post(String uri, String body) {
        return send(uri, body).getStatus().value();
    }

    private EntityExchangeResult<byte[]> send(String uri, String body) {
        return http.post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body.replace('\'', '"'))
                .exchange().expectBody().returnResult();
    }
}
