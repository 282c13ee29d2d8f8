package com.sladesk.grpc;

import java.util.Optional;

import com.sladesk.security.ApiTokens;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;

/**
 * Every call carries an API token as {@code authorization: Bearer <token>} metadata; without a
 * usable one it ends UNAUTHENTICATED before reaching the service. The token's identity travels
 * in the call's context.
 */
class TokenAuthentication implements ServerInterceptor {

    static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    static final Context.Key<ApiTokens.TokenIdentity> IDENTITY = Context.key("sladesk-token");

    private final ApiTokens tokens;

    TokenAuthentication(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
            ServerCallHandler<Q, R> next) {
        String header = headers.get(AUTHORIZATION);
        Optional<ApiTokens.TokenIdentity> identity = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? tokens.identify(header.substring(7).trim()) : Optional.empty();
        if (identity.isEmpty()) {
            call.close(Status.UNAUTHENTICATED.withDescription(
                    "an API token is needed as 'authorization: Bearer <token>' (unknown, revoked or expired tokens are refused)"),
                    new Metadata());
            return new ServerCall.Listener<>() {
            };
        }
        return Contexts.interceptCall(Context.current().withValue(IDENTITY, identity.get()), call, headers, next);
    }
}
