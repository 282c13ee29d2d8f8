package com.sladesk.system;

import java.time.Duration;

import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.retry.annotation.EnableRetry;
import org.springframework.retry.interceptor.RetryInterceptorBuilder;
import org.springframework.retry.policy.SimpleRetryPolicy;
import org.springframework.retry.support.RetryTemplate;
import org.springframework.classify.BinaryExceptionClassifier;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A service whose public methods are user commands is annotated
 * {@code @Retryable(interceptor = CommandRetry.INTERCEPTOR)}: a command that fails on a
 * {@link TransientConflict} runs again in a new transaction, after a short random pause, a
 * bounded number of times. The retry advice is ordered outside the transaction advice; a command
 * called inside a transaction that is already running is not retried on its own (that
 * transaction is spoiled, and its outermost command retries instead).
 */
@Configuration(proxyBeanMethods = false)
@EnableRetry(proxyTargetClass = true)
@EnableConfigurationProperties(CommandRetry.Settings.class)
public class CommandRetry {

    /** The bean name to give {@code @Retryable(interceptor = …)}. */
    public static final String INTERCEPTOR = "commandRetryInterceptor";

    @ConfigurationProperties("sladesk.command-retry")
    public record Settings(Integer attempts, Duration firstPause, Duration longestPause) {

        public Settings {
            attempts = attempts == null ? 6 : attempts;
            firstPause = firstPause == null ? Duration.ofMillis(20) : firstPause;
            longestPause = longestPause == null ? Duration.ofMillis(500) : longestPause;
        }
    }

    @Bean(INTERCEPTOR)
    MethodInterceptor commandRetryInterceptor(Settings settings) {
        BinaryExceptionClassifier transientOnly = new BinaryExceptionClassifier(false) {
            @Override
            public Boolean classify(Throwable failure) {
                return TransientConflict.isCause(failure);
            }
        };
        RetryTemplate template = RetryTemplate.builder()
                .customPolicy(new SimpleRetryPolicy(settings.attempts(), transientOnly))
                .exponentialBackoff(settings.firstPause(), 2.0, settings.longestPause(), true)
                .build();
        MethodInterceptor retrying = RetryInterceptorBuilder.stateless().retryOperations(template).build();
        return invocation -> TransactionSynchronizationManager.isActualTransactionActive()
                ? invocation.proceed() : retrying.invoke(invocation);
    }
}
