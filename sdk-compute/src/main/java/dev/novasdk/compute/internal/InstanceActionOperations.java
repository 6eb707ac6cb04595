package dev.novasdk.compute.internal;

import static dev.novasdk.compute.internal.Bodies.document;
import static dev.novasdk.compute.internal.Bodies.member;

import dev.novasdk.compute.instanceactions.InstanceAction;
import dev.novasdk.core.http.HttpMethod;

/** The instance action operations of Nova's API reference, each described once. */
final class InstanceActionOperations {
    static final ListOperation<InstanceActionListDocument, InstanceAction> LIST = ListOperation.of(
            Operation.of("instanceActions.list", HttpMethod.GET, "servers/{id}/os-instance-actions")
                    .returns(document(InstanceActionListDocument.class)),
            InstanceActionListDocument::instanceActions,
            InstanceActionListDocument::nextHref,
            InstanceAction::requestId);

    static final Operation<Void, InstanceAction> GET = Operation.of(
                    "instanceActions.get", HttpMethod.GET, "servers/{id}/os-instance-actions/{requestId}")
            .returns(member("instanceAction", InstanceAction.class));

    private InstanceActionOperations() {}
}
