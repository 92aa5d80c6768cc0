package org.frontline;

/**
 * A mistake the user can fix (a wrong option, a missing path): printed as one line that says what to do,
 * without a stack trace.
 */
public class UserError extends RuntimeException {
    public UserError(String message) {
        super(message);
    }
}
