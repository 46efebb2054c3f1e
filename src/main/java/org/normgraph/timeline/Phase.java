package org.normgraph.timeline;

/** Where a timeline step is: before anything ran, in the forward pass or in the backward pass. */
public enum Phase { START, FORWARD, BACKWARD }
