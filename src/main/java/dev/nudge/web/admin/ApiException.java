package dev.nudge.web.admin;

/**
 * A request the API refuses, with the HTTP status and, for a bad field, the field's name. The message is shown to
 * the caller as it is, so it says what is wrong and how to fix it.
 */
final class ApiException extends RuntimeException {
    private final int status;
    private final String field;

    private ApiException(int status, String field, String message) {
        super(message, null, false, false);
        this.status = status;
        this.field = field;
    }

    static ApiException badField(String field, String message) {
        return new ApiException(400, field, message);
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, null, message);
    }

    static ApiException conflict(String field, String message) {
        return new ApiException(409, field, message);
    }

    static ApiException notFound(String message) {
        return new ApiException(404, null, message);
    }

    int status() {
        return status;
    }

    /** The request field at fault, or null when it is not one field. */
    String field() {
        return field;
    }
}
