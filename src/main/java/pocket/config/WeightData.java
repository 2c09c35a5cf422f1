package pocket.config;

/** One weight of a chunk: its nominal value per event and, when it varies, the Up and Down values. */
public record WeightData(String name, double[] nominal, double[] up, double[] down) {
    public WeightData {
        if ((up == null) != (down == null))
            throw new ConfigException("weight '" + name + "' must give both Up and Down variations, or neither");
        if (up != null && (up.length != nominal.length || down.length != nominal.length))
            throw new ConfigException("weight '" + name + "': Up/Down have " + up.length + "/" + down.length + " values, nominal " + nominal.length);
    }

    public static WeightData nominal(String name, double[] nominal) { return new WeightData(name, nominal, null, null); }

    public boolean hasVariations() { return up != null; }
}
