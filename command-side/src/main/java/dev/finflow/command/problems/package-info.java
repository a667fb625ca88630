/**
 * Not a feature: the rules of the command side's domain, one enum that every feature's domain names when it
 * refuses. Plain code, no Spring (CommandSideArchitectureTest.domainIsFreeOfSpring).
 */
package dev.finflow.command.problems;
