/**
 * The forecast endpoints and their Server-Sent Events stream: the outermost layer, used by nothing else.
 */
package dev.finflow.ml.forecasting.web;
