import java.util.*;
import org.apache.kafka.clients.producer.*;
import org.apache.kafka.common.serialization.*;
/** Produce -> acknowledgement latency on the local broker: 300 sends. Args: acks [pause between sends in ms]. */
public class KafkaProduceAck {
  public static void main(String[] a) throws Exception {
    Properties p = new Properties();
    p.put("bootstrap.servers","127.0.0.1:9092"); p.put("acks",a[0]); p.put("linger.ms","0");
    KafkaProducer<String,String> prod = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    String topic="ack-probe"; prod.send(new ProducerRecord<>(topic,"k","w")).get();
    long[] l=new long[300];
    for(int i=0;i<300;i++){ if(a.length>1) Thread.sleep(Integer.parseInt(a[1])); long t=System.nanoTime(); prod.send(new ProducerRecord<>(topic,"k","v")).get(); l[i]=(System.nanoTime()-t)/1000;}
    Arrays.sort(l); System.out.println("acks="+a[0]+" p50 us "+l[150]+" p90 "+l[270]);
    prod.close();
  }
}
