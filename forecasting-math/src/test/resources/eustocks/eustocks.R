# R's EuStockMarkets (datasets package): daily closes of DAX, SMI, CAC and FTSE, 1991-1998, 1860 business days.
# Never used to tune Finflow's forecasting: the degenerate-fit and interval-coverage tests read them as unseen data.
# Writes eustocks.csv (day,DAX,SMI,CAC,FTSE) and degenerate.csv (R's stats::arima fits of DAX log prices).
# Run: cd forecasting-math/src/test/resources/eustocks && Rscript eustocks.R   (Debian: apt-get install -y r-base-core)
x <- EuStockMarkets
write.csv(data.frame(day = seq_len(nrow(x)), DAX = x[, "DAX"], SMI = x[, "SMI"], CAC = x[, "CAC"],
                     FTSE = x[, "FTSE"]), "eustocks.csv", row.names = FALSE, quote = FALSE)
y <- log(as.numeric(x[, "DAX"]))
rows <- list()
fit <- arima(y, order = c(1, 1, 1), method = "ML")           # d = 1: R fits no constant (no drift)
rows[[1]] <- data.frame(series = "DAX", model = "ARIMA(1,1,1) ML no constant", ar = coef(fit)[["ar1"]],
                        ma = coef(fit)[["ma1"]], drift = 0, loglik = fit$loglik)
d <- diff(y)
fit0 <- arima(d, order = c(0, 0, 0), include.mean = TRUE, method = "ML")  # the reduced order, with drift
rows[[2]] <- data.frame(series = "DAX", model = "ARIMA(0,1,0) ML drift", ar = NA, ma = NA,
                        drift = coef(fit0)[["intercept"]], loglik = fit0$loglik)
write.csv(do.call(rbind, rows), "degenerate.csv", row.names = FALSE, quote = FALSE)
print(do.call(rbind, rows), digits = 10)
# The same closes in the long format (symbol,date,close) for deploy/bench/forecast-skill.sh. R's series carries no
# calendar (a day index per business day, 1991-1998), so the dates are consecutive weekdays from 1991-07-01
# standing in for the business days: only their order matters to the benchmark.
days <- seq(as.Date("1991-07-01"), by = "day", length.out = 2 * nrow(x) + 10)
days <- days[!(format(days, "%u") %in% c("6", "7"))][seq_len(nrow(x))]
long <- do.call(rbind, lapply(colnames(x), function(s) data.frame(symbol = s, date = format(days),
                                                                  close = as.numeric(x[, s]))))
write.csv(long, "eustocks-long.csv", row.names = FALSE, quote = FALSE)
