/**
 * The gRPC intake ({@code sladesk.v1.Incidents}, {@code src/main/protobuf}): platform services
 * open, acknowledge, resolve, read and watch incidents over gRPC on a port of its own
 * ({@code sladesk.grpc.port}), authenticated with the API tokens. The generated code is this
 * module's ({@code com.sladesk.grpc.v1}).
 */
@ApplicationModule(displayName = "gRPC intake")
package com.sladesk.grpc;

import org.springframework.modulith.ApplicationModule;
