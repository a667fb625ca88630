package dev.finflow.query.holdings.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A holding at the end of a day: units held, what they cost (cost basis), and the profit or loss realised by
 * sales so far. The average cost is derived (cost basis / quantity), so a split, which changes the quantity but
 * not the cost basis, divides it by the split ratio by itself.
 */
public record HoldingState(BigDecimal quantity, BigDecimal costBasis, BigDecimal realizedPl, long lastPosition) {

    public static final HoldingState EMPTY = new HoldingState(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, -1);

    /** The effect of one movement, and the cost it took out of the basis (for a later reversal of a sale). */
    public record Applied(HoldingState state, BigDecimal costRemoved) {
    }

    /** The original movement a reversal undoes, as it was applied. */
    public record Original(BigDecimal quantity, BigDecimal amount, BigDecimal costRemoved) {
    }

    public Applied apply(Movement movement, Original reversed) {
        BigDecimal q = movement.quantity();
        BigDecimal amount = movement.amount();
        long position = Math.max(lastPosition, movement.position());
        if (movement.kind() == Movement.Kind.CASH) {
            return new Applied(new HoldingState(quantity.add(q), costBasis.add(amount), realizedPl, position), null);
        }
        if (reversed != null && reversed.quantity().signum() < 0 && reversed.costRemoved() != null) {
            // Undoing a sale: the units and the cost they carried come back, the realised result goes away.
            BigDecimal realized = reversed.amount().negate().subtract(reversed.costRemoved());
            return new Applied(new HoldingState(quantity.add(q), costBasis.add(reversed.costRemoved()),
                    realizedPl.subtract(realized), position), reversed.costRemoved().negate());
        }
        if (q.signum() >= 0 || reversed != null) {
            // A purchase, or the undoing of one: units and their cost are added (or taken back) as booked.
            return new Applied(new HoldingState(quantity.add(q), costBasis.add(amount), realizedPl, position), null);
        }
        BigDecimal remaining = plain(quantity.add(q));
        BigDecimal removed = quantity.signum() <= 0 ? BigDecimal.ZERO : remaining.signum() == 0 ? costBasis
                : costBasis.multiply(q.negate()).divide(quantity, Math.max(2, amount.scale()), RoundingMode.HALF_EVEN);
        BigDecimal realized = amount.negate().subtract(removed);
        return new Applied(new HoldingState(remaining, costBasis.subtract(removed), realizedPl.add(realized),
                position), removed);
    }

    /** From a split's effective date on, every {@code denominator} units are {@code numerator} units. */
    public HoldingState split(BigDecimal numerator, BigDecimal denominator, long position) {
        BigDecimal split = quantity.multiply(numerator).divide(denominator, 8, RoundingMode.HALF_EVEN);
        return new HoldingState(plain(split), costBasis, realizedPl, Math.max(lastPosition, position));
    }

    public BigDecimal averageCost() {
        if (quantity.signum() == 0) {
            return null;
        }
        BigDecimal average = costBasis.divide(quantity, MathContext.DECIMAL64);
        return average.scale() > 6 ? average.setScale(6, RoundingMode.HALF_EVEN) : average;
    }

    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
