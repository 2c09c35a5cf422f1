package pocket.remote;

import java.util.Map;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;

/**
 * Kerberos for JSch's gssapi-with-mic: the ticket kinit left (KRB5CCNAME, else the default
 * cache), never a password prompt. Left alone, the JDK asks for a Kerberos password on standard
 * input when there is no ticket, which hangs a notebook kernel or a batch watcher for good.
 */
final class KerberosTickets {
    private static final String[] INITIATE = {"com.sun.security.jgss.krb5.initiate", "com.sun.security.jgss.initiate"};
    private static boolean installed;

    private KerberosTickets() {}

    /** Installs, once, a login configuration for the JDK's Kerberos initiator, unless the user has one of their own. */
    static synchronized void only() {
        if (installed) return;
        installed = true;
        if (System.getProperty("java.security.auth.login.config") != null) return;
        Configuration previous;
        try {
            previous = Configuration.getConfiguration();
        } catch (RuntimeException e) {   // no login configuration at all
            previous = null;
        }
        Configuration before = previous;
        Configuration.setConfiguration(new Configuration() {
            @Override public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                AppConfigurationEntry[] own = before == null ? null : before.getAppConfigurationEntry(name);
                if (own != null) return own;
                for (String n : INITIATE)
                    if (n.equals(name))
                        return new AppConfigurationEntry[]{new AppConfigurationEntry("com.sun.security.auth.module.Krb5LoginModule",
                                AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, Map.of("useTicketCache", "true", "doNotPrompt", "true"))};
                return null;
            }

            @Override public void refresh() { if (before != null) before.refresh(); }
        });
    }
}
