package io.modelops.operator.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The shape of the credential a credential runtime parameter expects. */
public enum CredentialType {
  @JsonProperty("adlsGen2Oauth")
  ADLS_GEN2_OAUTH,
  @JsonProperty("apiToken")
  API_TOKEN,
  @JsonProperty("azure")
  AZURE,
  @JsonProperty("azureServicePrincipal")
  AZURE_SERVICE_PRINCIPAL,
  @JsonProperty("basic")
  BASIC,
  @JsonProperty("bearer")
  BEARER,
  @JsonProperty("databricksAccessTokenAccount")
  DATABRICKS_ACCESS_TOKEN_ACCOUNT,
  @JsonProperty("databricksServicePrincipalAccount")
  DATABRICKS_SERVICE_PRINCIPAL_ACCOUNT,
  @JsonProperty("gcp")
  GCP,
  @JsonProperty("oauth")
  OAUTH,
  @JsonProperty("rsa")
  RSA,
  @JsonProperty("s3")
  S3,
  @JsonProperty("sapOauth")
  SAP_OAUTH,
  @JsonProperty("snowflakeKeyPairUserAccount")
  SNOWFLAKE_KEY_PAIR_USER_ACCOUNT,
  @JsonProperty("snowflakeOauthUserAccount")
  SNOWFLAKE_OAUTH_USER_ACCOUNT,
  @JsonProperty("tableauAccessToken")
  TABLEAU_ACCESS_TOKEN;
}
