/**
 * The backend-for-frontend's endpoints: who is signed in and signing out ({@code /bff/session},
 * {@code /bff/logout}), and the relay of {@code /bff/command/**} and {@code /bff/ml/**} to the other services.
 * The outermost layer, used by nothing else.
 */
package dev.finflow.query.bff.web;
