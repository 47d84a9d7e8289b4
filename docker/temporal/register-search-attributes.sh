#!/bin/sh
# Registers Switchboard's search attributes (workflows/.../common/SwitchboardSearchAttributes.java)
# on the Temporal cluster; run once by the temporal-init service. Idempotent: attributes that exist
# are left alone, so a restart of the stack changes nothing.
set -eu
address="${TEMPORAL_ADDRESS:-temporal:7233}"
namespace="${TEMPORAL_NAMESPACE:-default}"
existing="$(temporal operator search-attribute list --address "$address" --namespace "$namespace")"
for name in CallSid MessageSid RecordingSid Channel CommStatus FlowName ParticipantNumber; do
  if printf '%s\n' "$existing" | grep -qw "$name"; then
    echo "search attribute $name exists"
  else
    temporal operator search-attribute create --address "$address" --namespace "$namespace" \
      --name "$name" --type Keyword
  fi
done
