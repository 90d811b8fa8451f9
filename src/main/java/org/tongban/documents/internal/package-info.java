/** The documents module's aggregate, use cases, numbering, rendering and sealing, and read models. */
@org.jspecify.annotations.NullMarked
package org.tongban.documents.internal;
