#!/usr/bin/env bash
# Verifies a Tongban license show token with standard tools only (OpenSSL 3 with SM2/SM3, GNU coreutils, jq), as
# docs/licenses.md describes: the trust list against the pinned root key, then the token against the issuer key the
# trust list names, then prints the claims for the time and status checks.
#   docs/licenses-verify.sh token.txt trust-list.jws root.pem
# Fetch the two lists with: curl -o trust-list.jws https://<platform>/.well-known/tongban/licenses/trust-list
#                           curl -o root.pem https://<platform>/.well-known/tongban/licenses/root.pem
set -euo pipefail
token_file=$1; trust_file=$2; root_pem=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

pad() { local s=$1; while [ $(( ${#s} % 4 )) -ne 0 ]; do s="$s="; done; printf '%s' "$s"; }
b64url() { pad "$1" | basenc --base64url -d; }
sm2_verify() { # public-key.pem signed-bytes signature.der
  openssl pkeyutl -verify -pubin -inkey "$1" -rawin -digest sm3 -pkeyopt distid:1234567812345678 -in "$2" -sigfile "$3"
}

# 1. The trust list: signed by the root key over "header.payload" exactly as received.
trust=$(tr -d '\r\n' < "$trust_file")
printf '%s' "${trust%.*}" > "$work/trust.input"
b64url "${trust##*.}" > "$work/trust.sig"
sm2_verify "$root_pem" "$work/trust.input" "$work/trust.sig"

# 2. The issuer key that the token's header names, from the verified trust list, as PEM.
token=$(tr -d '\r\n' < "$token_file")
header=$(b64url "$(cut -d. -f1 <<< "$token")")
[ "$(jq -r .alg <<< "$header")" = "SM2-SM3" ] && [ "$(jq -r .typ <<< "$header")" = "TB-SHOW" ] || { echo "not a show token" >&2; exit 1; }
kid=$(jq -r .kid <<< "$header")
b64url "$(cut -d. -f2 <<< "$trust")" \
  | jq -r --arg kid "$kid" '.keys[] | select(.kid == $kid and .use == "ISSUER") | .publicKey' \
  | fold -w 64 | { echo '-----BEGIN PUBLIC KEY-----'; cat; echo '-----END PUBLIC KEY-----'; } > "$work/issuer.pem"
grep -q '^[A-Za-z0-9+/]' "$work/issuer.pem" || { echo "unknown issuer: $kid" >&2; exit 1; }
# A revoked key (compromised): no token of it is valid once its revokedAt has passed.
revoked=$(b64url "$(cut -d. -f2 <<< "$trust")" | jq -r --arg kid "$kid" '.keys[] | select(.kid == $kid) | .revokedAt // empty')
if [ -n "$revoked" ] && [ "$(date +%s)" -ge "$revoked" ]; then echo "issuer key revoked: $kid" >&2; exit 1; fi

# 3. The token's signature.
printf '%s' "${token%.*}" > "$work/token.input"
b64url "${token##*.}" > "$work/token.sig"
sm2_verify "$work/issuer.pem" "$work/token.input" "$work/token.sig"

# 4. The claims: check that exp is in the future, that iss is the key's department, and the status (status list).
b64url "$(cut -d. -f2 <<< "$token")" | jq --arg now "$(date +%s)" '. + {expired: ((.exp | tonumber) < ($now | tonumber))}'
