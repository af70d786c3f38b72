package io.plumbline.source.cloudformation;

import static io.plumbline.source.cloudformation.Templates.get;
import static io.plumbline.source.cloudformation.Templates.unknown;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.model.Model;
import io.plumbline.model.network.Subnet;
import io.plumbline.source.InputException;
import io.plumbline.source.Inputs;
import io.plumbline.source.SourceOptions;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Small hostile templates whose functions multiply: bounded, and said so, never an out-of-memory error. */
@Timeout(60)
class EvaluationBoundsTest {

    private static Model json(String text) {
        return Inputs.load("t.json", text.getBytes(StandardCharsets.UTF_8), SourceOptions.DEFAULT);
    }

    /** A subnet with a literal CIDR, and another whose CIDR is {@code cidr}. */
    private static String subnets(String cidr) {
        return "{\"Resources\": {\"Plain\": {\"Type\": \"AWS::EC2::Subnet\", \"Properties\": {\"VpcId\": \"vpc-1\", "
                + "\"CidrBlock\": \"10.0.1.0/24\"}}, \"Bomb\": {\"Type\": \"AWS::EC2::Subnet\", \"Properties\": "
                + "{\"VpcId\": \"vpc-1\", \"CidrBlock\": " + cidr + "}}}}";
    }

    @Test
    void nestedSubsThatRepeatAVariableAreTooLargeToEvaluate() {
        // 60 levels in 3 KB: 4^60 characters if evaluated
        String expr = "\"AAAA\"";
        for (int i = 0; i < 60; i++) expr = "{\"Fn::Sub\": [\"${a}${a}${a}${a}\", {\"a\": " + expr + "}]}";
        Model m = json(subnets(expr));
        unknown("value too large to evaluate", get(m, "Bomb", Subnet.class).cidrBlock);
        assertEquals("10.0.1.0/24", get(m, "Plain", Subnet.class).cidrBlock.get(), "other resources are read");
    }

    @Test
    void joinsOverYamlAliasesAreTooLargeToEvaluate() {
        StringBuilder yaml = new StringBuilder("Resources:\n  Bomb:\n    Type: AWS::EC2::Subnet\n    Properties:\n"
                + "      VpcId: vpc-1\n      Tags:\n        - {Key: l0, Value: &l0 xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx}\n");
        for (int i = 1; i <= 15; i++) { // 1 MB at l15, a few hundred thousand nodes for the YAML reader
            yaml.append("        - {Key: l").append(i).append(", Value: &l").append(i).append(" !Join ['', [*l")
                    .append(i - 1).append(", *l").append(i - 1).append("]]}\n");
        }
        yaml.append("      CidrBlock: !Join ['', [*l15, *l15]]\n");
        Model m = Templates.yaml(yaml.toString());
        unknown("value too large to evaluate", get(m, "Bomb", Subnet.class).cidrBlock);
    }

    @Test
    void aResourceWhoseEvaluationTakesTooMuchWorkIsUnknownAsAWhole() {
        // lists of 450,000 nodes in all, under the YAML reader's alias limit, over one resource's evaluation budget
        String yaml = """
                Resources:
                  Plain: {Type: AWS::EC2::Subnet, Properties: {VpcId: vpc-1, CidrBlock: 10.0.1.0/24}}
                  Bomb:
                    Type: AWS::EC2::Subnet
                    Properties:
                      VpcId: vpc-1
                      CidrBlock: 10.0.2.0/24
                      L0: &l0 [x, x, x, x, x, x, x, x, x, x]
                      L1: &l1 [*l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0]
                      L2: &l2 [*l1, *l1, *l1, *l1, *l1, *l1, *l1, *l1, *l1, *l1]
                      L3: &l3 [*l2, *l2, *l2, *l2, *l2, *l2, *l2, *l2, *l2, *l2]
                      L4: &l4 [*l3, *l3, *l3, *l3, *l3, *l3, *l3, *l3, *l3, *l3]
                      L5: [*l4, *l4, *l4]
                """;
        Model m = Templates.yaml(yaml);
        unknown("value too large to evaluate", get(m, "Bomb", Subnet.class).cidrBlock);
        assertEquals("10.0.1.0/24", get(m, "Plain", Subnet.class).cidrBlock.get());
    }

    @Test
    void aTemplateThatTakesTooMuchWorkInAllIsRefused() {
        // every resource looks a key up in a large mapping with a key known only at deploy time
        StringBuilder t = new StringBuilder("{\"Mappings\": {\"M\": {");
        for (int i = 0; i < 5000; i++) t.append(i == 0 ? "" : ",").append("\"k").append(i).append("\": {\"v\": \"x").append(i).append("\"}");
        t.append("}}, \"Resources\": {");
        for (int r = 0; r < 500; r++) {
            t.append(r == 0 ? "" : ",").append("\"S").append(r).append("\": {\"Type\": \"AWS::EC2::Subnet\", \"Properties\": ")
                    .append("{\"CidrBlock\": {\"Fn::FindInMap\": [\"M\", {\"Ref\": \"AWS::AccountId\"}, \"v\"]}}}");
        }
        InputException e = assertThrows(InputException.class, () -> json(t.append("}}").toString()));
        assertTrue(e.getMessage().startsWith("t.json: the template is too complex to evaluate: more than "
                + Budget.MAX_STEPS + " evaluation steps"), e.getMessage());
    }

    @Test
    void attributesThatEchoEachOtherTwicePerLevelCostOnce() {
        // 2^60 evaluations if each Fn::GetAtt evaluated its property anew
        StringBuilder t = new StringBuilder("{\"Resources\": {\"S0\": {\"Type\": \"AWS::EC2::Subnet\", \"Properties\": "
                + "{\"VpcId\": \"vpc-1\", \"CidrBlock\": \"10.0.0.0/24\"}}");
        for (int i = 1; i <= 60; i++) {
            String prev = "{\"Fn::GetAtt\": [\"S" + (i - 1) + "\", \"CidrBlock\"]}";
            t.append(", \"S").append(i).append("\": {\"Type\": \"AWS::EC2::Subnet\", \"Properties\": {\"VpcId\": \"vpc-1\", ")
                    .append("\"CidrBlock\": {\"Fn::Select\": [0, [").append(prev).append(", ").append(prev).append("]]}}}");
        }
        Model m = json(t.append("}}").toString());
        assertEquals("10.0.0.0/24", get(m, "S60", Subnet.class).cidrBlock.get());
    }
}
