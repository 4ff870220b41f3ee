package io.envforge.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NetworkPlannerTest {

    @Test
    void carvesA20() {
        NetworkPlan plan = NetworkPlanner.plan(Cidr.parse("10.20.0.0/20"));
        assertEquals(List.of(Cidr.parse("10.20.0.0/22"), Cidr.parse("10.20.4.0/22")), plan.workload());
        assertEquals(List.of(Cidr.parse("10.20.8.0/23"), Cidr.parse("10.20.10.0/23")), plan.data());
        assertEquals(Cidr.parse("10.20.12.0/27"), plan.gateway());
        assertEquals(List.of(Cidr.parse("10.20.14.0/24"), Cidr.parse("10.20.15.0/24")), plan.ingress());
        assertEquals(List.of("10.20.14.10", "10.20.15.10"), plan.apiAddresses());
    }

    @ParameterizedTest(name = "/{0}")
    @ValueSource(ints = {16, 17, 18, 19, 20, 21, 22, 23})
    void subnetsNeverOverlapAndAddressesSitInIngress(int prefix) {
        NetworkPlan plan = NetworkPlanner.plan(new Cidr(0x0A400000L, prefix));
        List<Cidr> all = new ArrayList<>(plan.workload());
        all.addAll(plan.data());
        all.addAll(plan.ingress());
        all.add(plan.gateway());
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                assertFalse(all.get(i).overlaps(all.get(j)), all.get(i) + " overlaps " + all.get(j));
            }
        }
        for (int z = 0; z < NetworkPlan.ZONES; z++) {
            long address = Cidr.parseAddress(plan.apiAddresses().get(z));
            assertTrue(address > plan.ingress().get(z).base() + 3
                    && address < plan.ingress().get(z).last());
            assertTrue(plan.ingress().get(z).prefix() <= 27, "a cloud load balancer needs at least a /27");
        }
    }

    @Test
    void refusesBlocksItCannotCarve() {
        assertThrows(IllegalArgumentException.class, () -> NetworkPlanner.plan(Cidr.parse("10.20.0.0/24")));
        assertThrows(IllegalArgumentException.class, () -> NetworkPlanner.plan(Cidr.parse("10.0.0.0/15")));
    }
}
