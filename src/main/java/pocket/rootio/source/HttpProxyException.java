package pocket.rootio.source;

import java.io.IOException;

/** An HTTP proxy's refusal or misconfiguration; {@code permanent} when trying again cannot help (403, 407, a bad proxy URL). */
final class HttpProxyException extends IOException {
    final boolean permanent;

    HttpProxyException(String message, boolean permanent) {
        super(message);
        this.permanent = permanent;
    }
}
