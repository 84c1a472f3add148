package dev.nudge.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /slack/events}: checks size and signature on the raw bytes, hands the request to Bolt's App (as
 * Bolt's own server adapters do: server request to Bolt Request, {@code app.run}, Bolt Response back) and writes
 * the answer. Forged or stale requests get 401, malformed ones 400, never a 500.
 */
public final class SlackEndpoint {
    public static final int MAX_BODY_BYTES = 1_000_000;
    private static final Logger log = LoggerFactory.getLogger(SlackEndpoint.class);

    private final App app;
    private final SlackRequestParser parser;
    private final SlackSignature signature;

    public SlackEndpoint(App app, SlackSignature signature) {
        this.app = app;
        this.parser = new SlackRequestParser(app.config());
        this.signature = signature;
    }

    public void handle(Context ctx) throws Exception {
        byte[] body = ctx.bodyAsBytes();
        if (body.length > MAX_BODY_BYTES) {
            ctx.status(413).json(Map.of("error", "request body over 1 MB"));
            return;
        }
        Optional<String> problem = signature.problem(ctx.header("X-Slack-Request-Timestamp"),
                ctx.header("X-Slack-Signature"), body);
        if (problem.isPresent()) {
            log.info("Refused a Slack request from {}: {}", ctx.ip(), problem.get());
            ctx.status(401).json(Map.of("error", "invalid request"));
            return;
        }
        Request<?> request;
        try {
            request = parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri(ctx.path())
                    .queryString(ctx.queryParamMap())
                    .headers(new RequestHeaders(headers(ctx)))
                    .requestBody(new String(body, StandardCharsets.UTF_8))
                    .remoteAddress(ctx.ip())
                    .build());
        } catch (RuntimeException e) {
            log.info("Refused a malformed Slack request: {}", e.getClass().getSimpleName());
            ctx.status(400).json(Map.of("error", "malformed request body"));
            return;
        }
        if (request == null) {
            ctx.status(400).json(Map.of("error", "not a Slack request this app understands"));
            return;
        }
        Response response = app.run(request);
        write(response, ctx);
    }

    static void write(Response response, Context ctx) {
        ctx.status(response.getStatusCode() == null ? 200 : response.getStatusCode());
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((name, values) -> values.forEach(value -> ctx.res().addHeader(name, value)));
        }
        if (response.getContentType() != null) {
            ctx.contentType(response.getContentType());
        }
        ctx.result(response.getBody() == null ? "" : response.getBody());
    }

    private static Map<String, List<String>> headers(Context ctx) {
        Map<String, List<String>> headers = new HashMap<>();
        for (String name : Collections.list(ctx.req().getHeaderNames())) {
            headers.put(name, new ArrayList<>(Collections.list(ctx.req().getHeaders(name))));
        }
        return headers;
    }
}
