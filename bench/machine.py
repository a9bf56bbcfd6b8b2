"""What the benches ran on: printed with every figure, since figures mean nothing without it."""
import os, platform


def machine():
    """CPU model, cores, kernel and the load when the bench started."""
    model = "unknown CPU"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{model}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, load {os.getloadavg()[0]:.1f}"
