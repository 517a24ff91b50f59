package dev.workflowtracing.accounts.oidc;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A sign-in sent to the provider and not yet back: what its callback must match. */
@Entity
@Table(name = "oidc_logins")
public class OidcLoginState {

  @Id
  @Column(name = "state_hash", length = 64)
  private String stateHash;

  @Column(nullable = false, length = 64)
  private String nonce;

  @Column(nullable = false, length = 128)
  private String verifier;

  @Column(name = "redirect_uri", nullable = false, length = 2000)
  private String redirectUri;

  @Column(name = "created_millis", nullable = false)
  private long createdMillis;

  protected OidcLoginState() {}

  OidcLoginState(
      String stateHash, String nonce, String verifier, String redirectUri, long createdMillis) {
    this.stateHash = stateHash;
    this.nonce = nonce;
    this.verifier = verifier;
    this.redirectUri = redirectUri;
    this.createdMillis = createdMillis;
  }

  String nonce() {
    return nonce;
  }

  String verifier() {
    return verifier;
  }

  String redirectUri() {
    return redirectUri;
  }

  long createdMillis() {
    return createdMillis;
  }
}
