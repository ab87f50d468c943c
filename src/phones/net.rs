//! The addresses the join server may listen on: this computer's addresses in a network the
//! phones can reach. Never all interfaces; loopback only when asked for exactly.

use std::net::{IpAddr, SocketAddr};

/// The port tried first, so a phone that kept the page finds the game again after a restart; any
/// free port when it is taken.
pub const DEFAULT_PORT: u16 = 8427;

/// One address the server could listen on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Interface {
    /// The operating system's name for the adapter (e.g. `wlan0`, `Wi-Fi`, `en0`).
    pub name: String,
    pub ip: IpAddr,
    /// A virtual machine's, container's or VPN's adapter, or a link-local address: phones in the
    /// room are rarely there, so these are listed last.
    pub virtual_or_vpn: bool,
}

const VIRTUAL_NAMES: [&str; 20] = [
    "docker",
    "veth",
    "br-",
    "virbr",
    "vmnet",
    "vboxnet",
    "virtualbox",
    "vmware",
    "hyper-v",
    "vethernet",
    "tun",
    "tap",
    "wg",
    "utun",
    "zt",
    "tailscale",
    "wireguard",
    "zerotier",
    "vpn",
    "lxc",
];

/// Whether an adapter's name or address says it is virtual or a VPN.
pub fn looks_virtual(name: &str, ip: IpAddr) -> bool {
    let lower = name.to_ascii_lowercase();
    let link_local = match ip {
        IpAddr::V4(v4) => v4.is_link_local(),
        IpAddr::V6(v6) => v6.is_unicast_link_local(),
    };
    // 100.64.0.0/10: carrier-grade NAT, which Tailscale and similar VPNs use.
    let cgnat =
        matches!(ip, IpAddr::V4(v4) if v4.octets()[0] == 100 && (v4.octets()[1] & 0xC0) == 64);
    link_local
        || cgnat
        || VIRTUAL_NAMES
            .iter()
            .any(|v| lower.starts_with(v) || lower.contains(&format!(" {v}")))
}

/// Orders interfaces: real adapters first (IPv4 before IPv6), virtual and VPN adapters last.
pub fn sort(list: &mut [Interface]) {
    list.sort_by_key(|i| (i.virtual_or_vpn, i.ip.is_ipv6(), i.name.clone()));
}

/// This computer's addresses other than loopback, real adapters first.
pub fn interfaces() -> Vec<Interface> {
    let mut list: Vec<Interface> = if_addrs::get_if_addrs()
        .unwrap_or_default()
        .into_iter()
        .filter(|i| !i.is_loopback() && !i.ip().is_unspecified() && !i.ip().is_multicast())
        // An IPv6 link-local address needs a scope in the URL, which phones do not type.
        .filter(|i| !matches!(i.ip(), IpAddr::V6(v6) if v6.is_unicast_link_local()))
        .map(|i| Interface {
            virtual_or_vpn: looks_virtual(&i.name, i.ip()),
            ip: i.ip(),
            name: i.name,
        })
        .collect();
    sort(&mut list);
    list.dedup_by(|a, b| a.ip == b.ip);
    list
}

/// The address to listen on for an interface (the default port).
pub fn bind_addr(ip: IpAddr) -> SocketAddr {
    SocketAddr::new(ip, DEFAULT_PORT)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn virtual_and_vpn_adapters_go_last() {
        let mk = |name: &str, ip: &str| Interface {
            name: name.into(),
            ip: ip.parse().unwrap(),
            virtual_or_vpn: looks_virtual(name, ip.parse().unwrap()),
        };
        let mut list = vec![
            mk("docker0", "172.17.0.1"),
            mk("tailscale0", "100.101.1.2"),
            mk("wlan0", "192.168.1.20"),
            mk("vEthernet (WSL)", "172.20.0.1"),
            mk("eth0", "10.0.0.5"),
            mk("Wi-Fi", "169.254.3.4"),
        ];
        sort(&mut list);
        let names: Vec<&str> = list.iter().map(|i| i.name.as_str()).collect();
        assert_eq!(&names[..2], ["eth0", "wlan0"]);
        assert!(list[2..].iter().all(|i| i.virtual_or_vpn), "{names:?}");
    }

    #[test]
    fn the_list_has_no_loopback_or_unspecified_address() {
        for i in interfaces() {
            assert!(!i.ip.is_loopback() && !i.ip.is_unspecified(), "{i:?}");
        }
    }
}
