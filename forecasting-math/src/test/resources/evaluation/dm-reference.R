#!/usr/bin/env Rscript
# Reference values for Finflow's Diebold-Mariano test (dev.finflow.ml.evaluation.DieboldMariano), from
# forecast::dm.test (Debian: apt-get install -y r-base-core r-cran-forecast), which applies the same
# Harvey-Leybourne-Newbold correction and, with varestimator = "bartlett", the same Newey-West variance.
#
# Rerun from this folder:  Rscript dm-reference.R
# It writes dm-errors.csv (the error series, seeded) and dm-reference.csv (statistic and p-value).
suppressMessages(library(forecast))
set.seed(20151231)
n <- 120
e_base <- rnorm(n, sd = 1)
e_good <- 0.8 * e_base + rnorm(n, sd = 0.3)                 # clearly smaller errors
e_same <- rnorm(n, sd = 1)                                   # as good as the baseline
e_ma <- as.numeric(stats::filter(rnorm(n + 4), rep(1, 5), sides = 1))[5:(n + 4)] / 2  # overlapping h = 5 errors
write.csv(data.frame(base = sprintf("%.17g", e_base), good = sprintf("%.17g", e_good),
                     same = sprintf("%.17g", e_same), ma = sprintf("%.17g", e_ma)),
          "dm-errors.csv", row.names = FALSE, quote = FALSE)
out <- file("dm-reference.csv", "w")
cat("first,second,h,power,statistic,p_value\n", file = out)
cases <- list(c("good", "base"), c("same", "base"), c("ma", "base"), c("base", "good"))
errors <- list(base = e_base, good = e_good, same = e_same, ma = e_ma)
for (case in cases) {
  for (h in c(1, 5)) {
    for (power in c(1, 2)) {
      t <- dm.test(errors[[case[1]]], errors[[case[2]]], alternative = "two.sided", h = h, power = power,
                   varestimator = "bartlett")
      cat(case[1], case[2], h, power, sprintf("%.15g", t$statistic), sprintf("%.15g", t$p.value),
          sep = ",", file = out)
      cat("\n", file = out)
    }
  }
}
close(out)
