#!/usr/bin/env Rscript
# Reference values for Finflow's ARIMA (dev.finflow.ml.arima), produced by R's stats::arima.
#
# Rerun from this folder (Debian: apt-get install -y r-base-core):
#   cd ml-projector/src/test/resources/arima && Rscript reference.R > reference.csv
#
# Series: adjusted closes of AAPL, GOOGL, TSLA (2015-2017, from dash-stock-ticker-demo.csv), as
# log returns (the d = 1 model of log prices with drift, fitted the way R fits it: on the differenced
# series with include.mean = TRUE, so R's "intercept" is our constant) and as absolute log returns
# (a persistent, volatility-like series that gives the MA terms something to find).
# The optimiser tolerance is tightened (reltol 1e-12), R's optim is started from R's default and from
# three more points, and restarted from its answer until it stops improving, keeping the best fit: the
# near-cancelling AR and MA roots of TSLA's absolute returns give flat objectives where one BFGS run
# from zero stops early or in a worse local optimum. The Java tests compare coefficients to 1e-4.
options(digits = 17)
fits <- list(
  list(series = "returns",    order = c(1, 0, 0)),
  list(series = "returns",    order = c(0, 0, 1)),
  list(series = "returns",    order = c(2, 0, 0)),
  list(series = "absreturns", order = c(1, 0, 1)),
  list(series = "absreturns", order = c(2, 0, 1))
)
score <- function(m, method) if (method == "CSS") -m$sigma2 else m$loglik
best_fit <- function(x, order, method) {
  fit_from <- function(init) tryCatch(
    arima(x, order = order, include.mean = TRUE, method = method, init = init,
          optim.control = list(reltol = 1e-12, maxit = 2000)),
    error = function(e) NULL)
  p <- order[1]; q <- order[3]
  starts <- list(NULL,
                 c(rep(0.5, p), rep(-0.5, q), mean(x)),
                 c(rep(-0.5, p), rep(0.5, q), mean(x)),
                 c(if (p > 0) c(0.9, rep(0, p - 1)), rep(-0.8, q), mean(x)))
  best <- NULL
  for (init in starts) {
    m <- fit_from(init)
    if (!is.null(m) && (is.null(best) || score(m, method) > score(best, method))) best <- m
  }
  for (i in 1:20) {
    m <- fit_from(coef(best))
    if (is.null(m) || score(m, method) <= score(best, method)) break
    best <- m
  }
  best
}
cat("symbol,series,p,d,q,method,ar1,ar2,ma1,intercept,sigma2,loglik,aic\n")
for (symbol in c("AAPL", "GOOGL", "TSLA")) {
  prices <- read.csv(paste0(symbol, ".csv"))$adj_close
  r <- diff(log(prices))
  for (f in fits) {
    x <- if (f$series == "returns") r else abs(r)
    for (method in c("CSS", "ML")) {
      m <- best_fit(x, f$order, method)
      cf <- coef(m)
      get <- function(name) if (name %in% names(cf)) sprintf("%.15g", cf[[name]]) else "NA"
      cat(symbol, f$series, f$order[1], f$order[2], f$order[3], method,
          get("ar1"), get("ar2"), get("ma1"), get("intercept"),
          sprintf("%.15g", m$sigma2), sprintf("%.15g", m$loglik),
          if (is.na(m$aic)) "NA" else sprintf("%.15g", m$aic), sep = ",")
      cat("\n")
    }
  }
}
