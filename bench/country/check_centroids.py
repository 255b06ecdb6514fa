#!/usr/bin/python3
"""Check that every centroid in data/gazetteer/centroids.tsv lies inside its
country's borders (or within TOL degrees of them, for atolls and thin coasts),
using the Digital Chart of the World polygons of Debian's gmt-dcw, read with
python3-netcdf4. Prints one line per failure and a summary; exit 1 on failure.
Skips (exit 0) when the packages are absent: apt-get install gmt-dcw python3-netcdf4."""
import math, os, sys

DCW = "/usr/share/gmt-dcw/dcw-gmt.nc"
TOL = 0.15   # degrees: a point this close to the border counts (atolls, harbours)
# Where DCW cannot judge: its Antarctica ring encloses the pole (even-odd fails
# in lon/lat), and its Pitcairn polygon is Henderson Island only, while the
# marker is on Pitcairn Island itself (Adamstown, -25.07 -130.10).
EXCEPT = {"AQ": lambda lat, lon: lat < -75, "PN": lambda lat, lon: abs(lat + 25.07) < 0.05}
try:
    import netCDF4
except ImportError:
    netCDF4 = None
if netCDF4 is None or not os.path.exists(DCW):
    print("check_centroids: skipped (needs gmt-dcw and python3-netcdf4)")
    sys.exit(0)


def rings(d, cc):
    """The polygon rings of country CC: lists of (lon, lat)."""
    if cc + "_lon" not in d.variables:
        return None
    out = []
    vx, vy = d.variables[cc + "_lon"], d.variables[cc + "_lat"]
    vx.set_auto_maskandscale(False)
    vy.set_auto_maskandscale(False)
    xs, ys = vx[:], vy[:]
    x0, xs_ = vx.getncattr("min"), (vx.getncattr("max") - vx.getncattr("min")) / 65535.0
    y0, ys_ = vy.getncattr("min"), (vy.getncattr("max") - vy.getncattr("min")) / 65535.0
    ring = []
    for a, b in zip(xs, ys):
        if a == 65535 or b == 65535:
            if len(ring) > 2:
                out.append(ring)
            ring = []
            continue
        ring.append((x0 + a * xs_, y0 + b * ys_))
    if len(ring) > 2:
        out.append(ring)
    return out


def inside(rs, lon, lat):
    hit = False
    for r in rs:
        for (x1, y1), (x2, y2) in zip(r, r[1:] + r[:1]):
            if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
                hit = not hit
    return hit


def distance(rs, lon, lat):
    best = 1e9
    for r in rs:
        for x, y in r:
            best = min(best, math.hypot((x - lon) * math.cos(math.radians(lat)), y - lat))
    return best


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    path = os.path.join(here, "..", "..", "data", "gazetteer", "centroids.tsv")
    d = netCDF4.Dataset(DCW)
    bad = checked = missing = 0
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        cc, lat, lon = line.split("\t")[:3]
        lat, lon = float(lat), float(lon)
        if cc in EXCEPT:
            checked += 1
            if not EXCEPT[cc](lat, lon):
                bad += 1
                print("%s %.4f %.4f: outside (special case)" % (cc, lat, lon))
            continue
        rs = rings(d, cc)
        if not rs:
            missing += 1
            continue
        checked += 1
        lons = (lon, lon + 360, lon - 360)   # DCW keeps some countries in 0..360
        if not any(inside(rs, x, lat) for x in lons):
            dist = min(distance(rs, x, lat) for x in lons)
            if dist > TOL:
                bad += 1
                print("%s %.4f %.4f: outside, %.2f degrees from its border" % (cc, lat, lon, dist))
    print("check_centroids: %d checked, %d outside, %d without a DCW polygon" % (checked, bad, missing))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
