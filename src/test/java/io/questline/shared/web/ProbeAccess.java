package io.questline.shared.web;

import java.util.concurrent.CountDownLatch;

/**
 * Lets tests in other packages drive the probe endpoints.
 */
public final class ProbeAccess {

	private ProbeAccess() {
	}

	public static int calls() {
		return ProbeController.calls.get();
	}

	/** Makes the next probe POSTs wait until the returned latch is counted down. */
	public static CountDownLatch closeGate() {
		CountDownLatch gate = new CountDownLatch(1);
		ProbeController.gate = gate;
		return gate;
	}

	public static void openGate() {
		ProbeController.gate = new CountDownLatch(0);
	}

}
