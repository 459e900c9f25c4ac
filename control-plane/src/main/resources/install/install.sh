#!/bin/sh
# Placeholder: the packaging work replaces this file with the real installer. The control plane substitutes its
# public URL for every occurrence of the token on the next line when it serves /install.sh.
CONTROL_PLANE_URL="@CONTROL_PLANE_URL@"
echo "branchcast: the agent installer is not packaged in this build (control plane: $CONTROL_PLANE_URL)" >&2
exit 1
