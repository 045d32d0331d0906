package importers

import "strings"

// NamespaceV2 is the XML namespace of format v2 (berichtformaat-v2.md).
const NamespaceV2 = "urn:terugkeer:bericht:2"

// format is one version of the message format: the namespace its root element
// uses and the versie attribute that must go with it. Both versions share the
// envelope, the element rules and the decoding; app.Message.Validate applies
// what differs (the soorten a version allows).
type format struct {
	namespace string
	versie    string
}

var (
	formatV1 = format{namespace: Namespace, versie: "1"}
	formatV2 = format{namespace: NamespaceV2, versie: "2"}
)

// formatByNamespace returns the format among known whose namespace is ns.
func formatByNamespace(known []format, ns string) (format, bool) {
	for _, f := range known {
		if f.namespace == ns {
			return f, true
		}
	}
	return format{}, false
}

// namespaces lists the namespaces of known for a reason: "A" or "A of B".
func namespaces(known []format) string {
	names := make([]string, len(known))
	for i, f := range known {
		names[i] = f.namespace
	}
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " of " + names[len(names)-1]
}
