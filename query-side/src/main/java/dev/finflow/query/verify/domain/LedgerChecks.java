package dev.finflow.query.verify.domain;

import java.util.List;

import static dev.finflow.query.verify.domain.Check.types;

/**
 * What the ledger projections must hold, per account, folded from the store's JSON: the opened accounts, one
 * transaction per ledger event with its net cash, one movement or entry per cash and security leg, and the sums
 * those legs add up to (cash balances, monthly in- and outflows). Numbers are compared with trailing zeros trimmed.
 */
public final class LedgerChecks {

    private static final String LEDGER = types("TradeRecordedEvent", "TransferSentEvent", "TransferReceivedEvent",
            "TransferRefundedEvent", "CashDepositedEvent", "CashWithdrawnEvent", "CashInLieuPaidEvent",
            "DividendRecordedEvent", "FeeChargedEvent", "TransactionReversedEvent");
    private static final String DATE = "coalesce(e.p->>'originalDate', e.p->>'tradeDate', e.p->>'paymentDate',"
            + " e.p->>'bookingDate')::date";
    /** The cash and security legs of ledger events: l.v the leg, l.n its number from 1. */
    private static final String LEGS = " from e cross join lateral jsonb_array_elements(e.p->'legs')"
            + " with ordinality l(v, n) where l.v->>'type' in ('CASH', 'SECURITY')";

    private LedgerChecks() {
    }

    static Check accounts(String table) {
        return new Check("account", types("AccountOpenedEvent"),
                "select p->>'accountId', 'opened', 'event ' || g, g, g from e",
                tables -> "select account_id, 'opened', 'event ' || position, position, position from "
                        + tables.name(table));
    }

    public static final List<Check> TRANSACTIONS = List.of(accounts("transaction_account"),
            new Check("transaction", LEDGER, "select e.p->>'accountId', 'event ' || e.g, (e.p->>'transactionId')"
                    + " || ' cash ' || coalesce(trim_scale((select sum((l->>'quantity')::numeric)"
                    + " from jsonb_array_elements(e.p->'legs') l where l->>'type' = 'CASH'))::text, '-'), e.g, e.g"
                    + " from e",
                    tables -> "select account_id, 'event ' || position, transaction_id || ' cash '"
                            + " || coalesce(trim_scale(amount)::text, '-'), position, position from "
                            + tables.name("account_transaction")));

    public static final List<Check> MONTHLY_BALANCES = List.of(accounts("monthly_account"),
            new Check("entry", LEDGER, "select e.p->>'accountId', 'event ' || e.g || ' leg ' || (l.n - 1),"
                    + " (l.v->>'asset') || ' ' || date_trunc('month', " + DATE + ")::date || ' '"
                    + " || trim_scale((l.v->>'quantity')::numeric), e.g, e.g" + LEGS,
                    tables -> "select account_id, 'event ' || position || ' leg ' || leg, asset || ' ' || month"
                            + " || ' ' || trim_scale(quantity), position, position from "
                            + tables.name("monthly_entry")),
            new Check("flow", LEDGER, "select k, asset || ' ' || m, 'in ' || coalesce(trim_scale(sum(q)"
                    + " filter (where q >= 0)), 0) || ' out ' || coalesce(trim_scale(-(sum(q) filter (where q < 0))),"
                    + " 0), max(g), null from (select e.p->>'accountId' k, l.v->>'asset' asset, date_trunc('month', "
                    + DATE + ")::date m, (l.v->>'quantity')::numeric q, e.g" + LEGS + ") x group by k, asset, m",
                    tables -> "select account_id, asset || ' ' || month, 'in ' || trim_scale(inflows) || ' out '"
                            + " || trim_scale(outflows), last_position, null from " + tables.name("monthly_flow")));

    public static final List<Check> HOLDINGS = List.of(accounts("holding_account"),
            new Check("movement", LEDGER, "select e.p->>'accountId', 'event ' || e.g || ' leg ' || (l.n - 1),"
                    + " (l.v->>'asset') || ' ' || " + DATE + " || ' quantity ' || trim_scale((l.v->>'quantity')"
                    + "::numeric) || ' amount ' || trim_scale((l.v->>'amount')::numeric), e.g, e.g" + LEGS,
                    tables -> "select account_id, 'event ' || position || ' leg ' || leg, asset || ' ' ||"
                            + " effective_date || ' quantity ' || trim_scale(quantity) || ' amount '"
                            + " || trim_scale(amount), position, position from " + tables.name("holding_movement")),
            new Check("cash balance", LEDGER, "select k, 'cash ' || asset, trim_scale(sum(q))::text, max(g), null"
                    + " from (select e.p->>'accountId' k, l.v->>'asset' asset, (l.v->>'quantity')::numeric q, e.g"
                    + LEGS + " and l.v->>'type' = 'CASH') x group by k, asset",
                    tables -> "select k.account_id, 'cash ' || k.asset, trim_scale(h.quantity)::text,"
                            + " k.last_position, null from " + tables.name("holding_key") + " k join "
                            + tables.name("holding_history") + " h on h.account_id = k.account_id and h.asset ="
                            + " k.asset and h.effective_date = k.last_date where k.kind = 'CASH'"),
            new Check("split", types("SplitRecordedEvent"), "select p->>'symbol', 'event ' || g,"
                    + " trim_scale((p->>'numerator')::numeric) || '/' || trim_scale((p->>'denominator')::numeric),"
                    + " g, g from e",
                    tables -> "select symbol, 'event ' || position, trim_scale(numerator) || '/' ||"
                            + " trim_scale(denominator), position, position from " + tables.name("holding_split")));

    public static final List<Check> AUDIT = List.of(new Check("event", null,
            "select agg, 'event ' || g, id || ' ' || t, g, g from e",
            tables -> "select aggregate_id, 'event ' || position, event_id || ' ' || event_type, position, position"
                    + " from " + tables.name("audit_event")));

    /**
     * Who may read each account: per account and user, the last of its opening (the opener, from the event's
     * principal, owns it), grants (their level) and revocations ({@code none}).
     */
    public static final List<Check> ACCESS = List.of(new Check("access", types("AccountOpenedEvent",
            "AccessGrantedEvent", "AccessRevokedEvent"),
            "select distinct on (k, u) k, u, coalesce(level, 'none'), g, g from ("
            + "select e.p->>'accountId' k, case when e.t = 'AccountOpenedEvent' then (select d.meta_data::jsonb"
            + "->>'principal' from events.domain_event_entry d where d.event_identifier = e.id) else e.p->>'userId'"
            + " end u, case e.t when 'AccountOpenedEvent' then 'OWNER' when 'AccessGrantedEvent' then e.p->>'level'"
            + " end level, e.g from e) x where u is not null order by k, u, g desc",
            tables -> "select account_id, user_id, coalesce(level, 'none'), position, position from "
                    + tables.name("account_access")));
}
