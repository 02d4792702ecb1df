// Produces shared/src/unionid-cipher/java-vectors.json with Java's own Cipher: `javac UnionIdJavaVectors.java && java UnionIdJavaVectors`.
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
public class UnionIdJavaVectors {
  public static void main(String[] a) throws Exception {
    String[][] cases = {
      {"1234567890abcdef", "oJw8S1S0ZheoM2PnKbka3zJO-QyE"},
      {"sobot-unionid-key-24byte", "oJw8S1S0ZheoM2PnKbka3zJO-QyE"},
      {"0123456789abcdef0123456789abcdef", "oJw8S1S0ZheoM2PnKbka3zJO-QyE"},
      {"1234567890abcdef", "0123456789abcdef"},
      {"1234567890abcdef", "a"},
      {"密钥密钥密钥密钥", "o6_bmasdasdsad6_2sgVt7hMZOPfL"},
    };
    StringBuilder sb = new StringBuilder("[\n");
    for (int i = 0; i < cases.length; i++) {
      Cipher c = Cipher.getInstance("AES/ECB/PKCS5Padding");
      c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(cases[i][0].getBytes(StandardCharsets.UTF_8), "AES"));
      String out = Base64.getEncoder().encodeToString(c.doFinal(cases[i][1].getBytes(StandardCharsets.UTF_8)));
      sb.append("  {\"key\": \"" + cases[i][0] + "\", \"unionId\": \"" + cases[i][1] + "\", \"cipher\": \"" + out + "\"}" + (i < cases.length - 1 ? "," : "") + "\n");
    }
    System.out.print(sb.append("]\n"));
  }
}
