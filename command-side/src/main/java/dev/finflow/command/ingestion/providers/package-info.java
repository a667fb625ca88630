/**
 * The market-data clients (Yahoo, Stooq, CSV files, synthetic) and the settings they are built from. Kept as one
 * package: every client takes its own settings record, and the configuration builds the clients through their
 * package-private constructors, so a {@code config} package would either form a cycle with the clients or make
 * them public. Plain Java apart from {@code ProviderProperties} and
 * {@code ProvidersConfiguration}.
 */
package dev.finflow.command.ingestion.providers;
