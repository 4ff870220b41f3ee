package io.envforge.model;

/**
 * Platform-wide cloud accounts and the shared hub environments attach to when {@code connectivity} is {@code hub}.
 * Each value is null when the platform file does not set it.
 *
 * @param awsAccountId AWS: the account the environments live in ({@code spec.aws.accountId})
 * @param awsTransitGatewayId AWS: the shared Transit Gateway ({@code spec.aws.transitGatewayId})
 * @param azureSubscriptionId Azure: the subscription the environments live in ({@code spec.azure.subscriptionId})
 * @param azureHubVnetId Azure: the shared hub VNet ({@code spec.azure.hubVnetId})
 */
public record CloudAccount(
        String awsAccountId, String awsTransitGatewayId, String azureSubscriptionId, String azureHubVnetId) {}
