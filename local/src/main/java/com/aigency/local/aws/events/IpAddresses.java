package com.aigency.local.aws.events;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** IP literal parsing for CIDR matching, without ever resolving a host name. */
final class IpAddresses {

  private static final Pattern IPV4 =
      Pattern.compile(
          "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
  private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]+");

  private IpAddresses() {}

  /** The address bytes (4 or 16), or empty when {@code text} is not an IP literal. */
  static Optional<byte[]> parse(String text) {
    boolean ipv4 = IPV4.matcher(text).matches();
    boolean ipv6 = !ipv4 && text.contains(":") && IPV6_CHARACTERS.matcher(text).matches();
    if (!ipv4 && !ipv6) {
      return Optional.empty();
    }
    try {
      byte[] bytes = InetAddress.getByName(text).getAddress();
      // An IPv4-mapped IPv6 literal comes back as 4 bytes; keep families apart.
      return ipv6 && bytes.length == 4 ? Optional.empty() : Optional.of(bytes);
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  static BigInteger networkOf(BigInteger address, int prefixLength, int addressBits) {
    BigInteger hostMask =
        BigInteger.ONE.shiftLeft(addressBits - prefixLength).subtract(BigInteger.ONE);
    return address.andNot(hostMask);
  }
}
