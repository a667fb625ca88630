#!/usr/bin/env Rscript
# Reference values for Finflow's ARIMA (dev.finflow.ml.arima), produced by R's stats::arima.
#
# Rerun from this folder (Debian: apt-get install -y r-base-core):
#   cd forecasting-math/src/test/resources/arima && Rscript reference.R
# It writes reference.csv (fits) and forecasts.csv (predict() means and standard errors).
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
out <- file("reference.csv", "w")
cat("symbol,series,p,d,q,method,ar1,ar2,ma1,intercept,sigma2,loglik,aic\n", file = out)
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
          if (is.na(m$aic)) "NA" else sprintf("%.15g", m$aic), sep = ",", file = out)
      cat("\n", file = out)
    }
  }
}
close(out)

# Forecasts, 10 steps: ARMA(1,1) with mean on absolute returns (d = 0), ARIMA(0,2,1) without constant on
# log prices (d = 2, R's only choice), and ARIMA(1,1,0) with drift on log prices (d = 1; R's drift is xreg = 1:n, whose difference is the constant of the differenced
# series). Coefficients are written too, so the Java test can forecast from exactly R's model.
out <- file("forecasts.csv", "w")
cat("symbol,series,p,d,q,ar1,ma1,constant,sigma2,h,mean,se\n", file = out)
for (symbol in c("AAPL", "GOOGL", "TSLA")) {
  prices <- read.csv(paste0(symbol, ".csv"))$adj_close
  n <- length(prices)
  cases <- list(
    list(series = "absreturns", x = abs(diff(log(prices))), order = c(1, 0, 1)),
    list(series = "logprices", x = log(prices), order = c(1, 1, 0)),
    list(series = "logprices", x = log(prices), order = c(0, 2, 1)))
  for (case in cases) {
    if (case$order[2] == 2) {
      # d = 2: R fits no constant. Its prior for the two differencing states is diffuse with variance
      # kappa = 1e6 by default, which moves the forecasts by ~1e-8 per step; kappa = 1e9 is the exact
      # diffuse limit to 1e-14 (we difference instead of carrying those states).
      m <- arima(case$x, order = case$order, method = "ML", kappa = 1e9)
      fc <- predict(m, n.ahead = 10)
      constant <- 0
    } else if (case$order[2] == 0) {
      m <- arima(case$x, order = case$order, include.mean = TRUE, method = "ML")
      fc <- predict(m, n.ahead = 10)
      constant <- coef(m)[["intercept"]]
    } else {
      m <- arima(case$x, order = case$order, xreg = seq_len(n), method = "ML")
      fc <- predict(m, n.ahead = 10, newxreg = n + 1:10)
      constant <- coef(m)[["seq_len(n)"]]
    }
    cf <- coef(m)
    ma1 <- if ("ma1" %in% names(cf)) sprintf("%.17g", cf[["ma1"]]) else "NA"
    ar1 <- if ("ar1" %in% names(cf)) sprintf("%.17g", cf[["ar1"]]) else "NA"
    for (h in 1:10) {
      cat(symbol, case$series, case$order[1], case$order[2], case$order[3], ar1,
          ma1, sprintf("%.17g", constant), sprintf("%.17g", m$sigma2), h,
          sprintf("%.17g", fc$pred[h]), sprintf("%.17g", fc$se[h]), sep = ",", file = out)
      cat("\n", file = out)
    }
  }
}
close(out)
