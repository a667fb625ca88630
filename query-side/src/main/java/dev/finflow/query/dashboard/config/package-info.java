/**
 * Who may load the dashboard's pages and assets (the access rules of the static pages).
 */
package dev.finflow.query.dashboard.config;
