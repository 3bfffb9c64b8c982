package com.example.orders.payment.infrastructure.provider;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.example.orders.events.CloudEventHeaders;
import com.example.orders.payment.application.PaymentProvider;
import com.example.orders.payment.application.PaymentProviderConfig;
import com.example.orders.payment.application.ProviderNoAnswer;
import com.example.orders.payment.application.ProviderRejected;
import com.example.orders.payment.application.ProviderUnavailable;
import com.example.orders.payment.domain.Money;
import com.example.orders.platform.tracing.TraceContexts;
import com.example.orders.platform.tracing.Tracing;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;

/**
 * The external payment provider over HTTP, guarded by Resilience4j: each call has a time limit, a failed call is
 * retried with exponential backoff, and a circuit breaker stops calling a provider that keeps failing (fail fast, probe
 * again after a while). Every call carries an idempotency key that is the same for every attempt, so a retry after a
 * lost answer never charges twice. A decline is an answer, not a failure: it is neither retried nor counted against the
 * provider.
 * <p>
 * Calls block the calling thread: they run on payment-service's own provider workers, never on the event loop.
 */
@ApplicationScoped
public class HttpPaymentProvider implements PaymentProvider {

    private static final Logger LOG = Logger.getLogger(HttpPaymentProvider.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI baseUri;
    private final HttpClient http;
    private final TimeLimiter timeLimiter;
    private final CircuitBreaker circuitBreaker;
    private final Retry retry;
    private final MeterRegistry metrics;
    private final Tracing tracing;

    HttpPaymentProvider(PaymentProviderConfig config, MeterRegistry metrics, Tracing tracing) {
        this.metrics = metrics;
        this.tracing = tracing;
        this.baseUri = URI.create(config.url().endsWith("/") ? config.url() : config.url() + "/");
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
        this.timeLimiter = TimeLimiter.of("payment-provider", TimeLimiterConfig.custom()
                .timeoutDuration(config.timeout())
                .cancelRunningFuture(true)
                .build());
        int window = config.circuitBreaker().slidingWindowSize();
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
        RetryRegistry retries = RetryRegistry.ofDefaults();
        this.circuitBreaker = breakers.circuitBreaker("payment-provider", CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(window)
                .minimumNumberOfCalls(Math.min(window, 5))
                .failureRateThreshold(config.circuitBreaker().failureRateThreshold())
                .waitDurationInOpenState(config.circuitBreaker().waitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(2)
                .recordExceptions(ProviderUnavailable.class)
                .ignoreExceptions(ProviderRejected.class)
                .build());
        this.retry = retries.retry("payment-provider", RetryConfig.custom()
                .maxAttempts(config.retry().maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(config.retry().initialBackoff(), 2.0))
                // an open circuit is not retried here: the payment waits for its next round instead; nor is a
                // rejected request, which would only be rejected again
                .retryOnException(e -> e instanceof ProviderUnavailable)
                .build());
        circuitBreaker.getEventPublisher().onStateTransition(event -> LOG.warnf("payment provider circuit %s",
                event.getStateTransition()));
        // resilience4j_circuitbreaker_state{name, state}, resilience4j_circuitbreaker_calls_seconds{kind}, and
        // resilience4j_retry_calls_total{kind}
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(metrics);
        TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(metrics);
        Gauge.builder("payment.provider.circuit.open", circuitBreaker,
                breaker -> breaker.getState() == CircuitBreaker.State.OPEN ? 1 : 0)
                .description("1 while payment-service has stopped calling a failing payment provider")
                .register(metrics);
    }

    @Override
    public CaptureAnswer capture(String idempotencyKey, String orderId, String token, Money amount)
            throws ProviderNoAnswer {
        CaptureRequest body = new CaptureRequest(orderId, token, amount.amount().toPlainString(), amount.currency());
        return call("v1/captures", idempotencyKey, body, response -> switch (response.statusCode()) {
            case 200, 201 -> new Captured(field(response, "captureId"));
            case 402 -> new Declined(field(response, "reason"));
            default -> throw unexpected("capture", response);
        });
    }

    @Override
    public RefundAnswer refund(String idempotencyKey, String captureKey, Money amount) throws ProviderNoAnswer {
        RefundRequest body = new RefundRequest(captureKey, amount.amount().toPlainString(), amount.currency());
        return call("v1/refunds", idempotencyKey, body, response -> switch (response.statusCode()) {
            case 200, 201 -> new Refunded(field(response, "refundId"), field(response, "captureId"));
            case 404 -> new NothingCaptured();
            default -> throw unexpected("refund", response);
        });
    }

    /** Reads an answer; throws {@link ProviderNoAnswer} for an answer that is not one (a 5xx, a 409, say). */
    private interface AnswerReader<T> {

        T read(HttpResponse<String> response) throws ProviderNoAnswer, IOException;
    }

    /**
     * The body of a capture. A record, so its fields are always written in this order: a call repeated with the same
     * idempotency key (after a lost answer, maybe by a restarted service) must be the same request byte for byte, or a
     * strict provider refuses it as a reused key (a {@code Map.of} is ordered differently in every JVM).
     */
    record CaptureRequest(String orderId, String token, String amount, String currency) {
    }

    /** The body of a refund, in a fixed field order like {@link CaptureRequest}. */
    record RefundRequest(String captureKey, String amount, String currency) {
    }

    private <T> T call(String path, String idempotencyKey, Record body, AnswerReader<T> reader)
            throws ProviderNoAnswer {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(baseUri.resolve(path))
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", idempotencyKey)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
        // each attempt is a span of the trace the caller is in, and the provider is told it (traceparent)
        Callable<T> attempt = () -> {
            Span span = tracing.calling("POST /" + path, baseUri.resolve(path));
            try (Scope ignored = span.makeCurrent()) {
                HttpRequest traced = TraceContexts.of(span.getSpanContext())
                        .map(trace -> request.copy().header(CloudEventHeaders.TRACEPARENT, trace.traceparent()))
                        .orElse(request).build();
                T answer = send(traced, span, reader);
                Tracing.end(span, null);
                return answer;
            } catch (Exception e) {
                Tracing.end(span, e);
                throw e;
            }
        };
        try {
            T answer = Retry.decorateCallable(retry, CircuitBreaker.decorateCallable(circuitBreaker, attempt)).call();
            callsOf(path, resultOf(answer)).increment();
            return answer;
        } catch (ProviderRejected e) {
            callsOf(path, "rejected").increment();
            rejectionsOf(path).increment();
            LOG.errorf("the payment provider rejected %s (key %s): %s", path, idempotencyKey, e.getMessage());
            throw e;
        } catch (ProviderUnavailable e) {
            callsOf(path, "unavailable").increment();
            throw e;
        } catch (CallNotPermittedException e) {
            callsOf(path, "circuit_open").increment();
            throw new ProviderUnavailable("circuit open after repeated failures", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailable("interrupted", e);
        } catch (Exception e) {
            callsOf(path, "unavailable").increment();
            throw new ProviderUnavailable(String.valueOf(e), e);
        }
    }

    private <T> T send(HttpRequest request, Span span, AnswerReader<T> reader) throws Exception {
        HttpResponse<String> response;
        try {
            response = timeLimiter.executeFutureSupplier(
                    () -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        } catch (TimeoutException e) {
            throw new ProviderUnavailable("no answer within " + timeLimiter.getTimeLimiterConfig()
                    .getTimeoutDuration(), e);
        } catch (IOException e) {
            throw new ProviderUnavailable("unreachable: " + e, e);
        } catch (ExecutionException e) {
            throw new ProviderUnavailable("unreachable: " + e.getCause(), e);
        }
        Tracing.answered(span, response.statusCode());
        return reader.read(response);
    }

    private static String field(HttpResponse<String> response, String name) throws IOException {
        JsonNode value = JSON.readTree(response.body()).get(name);
        return value == null ? null : value.asText();
    }

    /**
     * An answer that is not one: a 4xx is a rejection of our request (except 408 and 429, which say "not now"),
     * anything else the provider's own failure.
     */
    private static ProviderNoAnswer unexpected(String call, HttpResponse<String> response) {
        int status = response.statusCode();
        String message = call + " answered " + status + ": " + response.body();
        boolean rejected = status >= 400 && status < 500 && status != 408 && status != 429;
        return rejected ? new ProviderRejected(message) : new ProviderUnavailable(message);
    }

    /**
     * {@code payment_provider_calls_total{call, result}}: each call (after its retries) by what came of it, an answer
     * ({@code captured}, {@code declined}, {@code refunded}, {@code nothing_captured}) or none ({@code unavailable},
     * {@code circuit_open}, {@code rejected}).
     */
    private Counter callsOf(String path, String result) {
        return Counter.builder("payment.provider.calls")
                .description("Calls to the payment provider (after retries) by what came of them")
                .tag("call", path.substring(path.lastIndexOf('/') + 1))
                .tag("result", result)
                .register(metrics);
    }

    private static String resultOf(Object answer) {
        return answer.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /** {@code payment_provider_rejections_total{call}}; the registry hands back the one counter per call. */
    private Counter rejectionsOf(String path) {
        return Counter.builder("payment.provider.rejections")
                .description("Requests the payment provider refused as wrong (not declines): a bug on our side")
                .tag("call", path.substring(path.lastIndexOf('/') + 1))
                .register(metrics);
    }
}
