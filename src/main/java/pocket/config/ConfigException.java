package pocket.config;

/** A configuration that cannot run: the message names the file, key or script line and what would be valid. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) { super(message); }
    public ConfigException(String message, Throwable cause) { super(message, cause); }
}
